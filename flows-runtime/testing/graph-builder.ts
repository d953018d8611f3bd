import type { GraphInput, VariableDeclaration } from "../graph/schema";

type NodeInput = GraphInput["nodes"][number];
type EdgeInput = GraphInput["edges"][number];

/** Builds graphs for tests: node ids double as labels unless given, edge ids are derived. */
export class GraphBuilder {
  private readonly nodes: NodeInput[] = [];
  private readonly edges: EdgeInput[] = [];
  private readonly variables: Partial<VariableDeclaration>[] = [];

  node(id: string, type: string, data: Record<string, unknown> = {}, label: string = id): this {
    this.nodes.push({ id, type, label, position: { x: this.nodes.length * 10, y: 0 }, data });
    return this;
  }

  edge(source: string, sourcePort: string, target: string, id = `${source}.${sourcePort}->${target}`): this {
    this.edges.push({ id, source, sourcePort, target });
    return this;
  }

  variable(name: string, type: VariableDeclaration["type"] = "any", initial?: unknown): this {
    this.variables.push(initial === undefined ? { name, type } : { name, type, initial });
    return this;
  }

  build(): GraphInput {
    return {
      schemaVersion: 1,
      kind: "ivr",
      variables: this.variables.map((variable) => ({ name: variable.name ?? "", type: variable.type ?? "any", initial: variable.initial })),
      nodes: [...this.nodes],
      edges: [...this.edges],
    };
  }
}

export const graph = (): GraphBuilder => new GraphBuilder();

export const say = (text: string) => ({ media: [{ kind: "tts", text }] });
