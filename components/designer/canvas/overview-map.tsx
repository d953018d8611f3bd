"use client";

import { Panel, useReactFlow, useStore, type ReactFlowState } from "@xyflow/react";
import { useEffect, useRef } from "react";
import { useEditorStoreApi } from "../store/editor-context";

const WIDTH = 200;
const HEIGHT = 140;
const REDRAW_MS = 250;

const viewportOf = (state: ReactFlowState) => ({ x: state.transform[0], y: state.transform[1], zoom: state.transform[2], width: state.width, height: state.height });
const sameViewport = (a: ReturnType<typeof viewportOf>, b: ReturnType<typeof viewportOf>) =>
  a.x === b.x && a.y === b.y && a.zoom === b.zoom && a.width === b.width && a.height === b.height;

/**
 * The minimap for large flows: one <canvas>, redrawn at most four times a second. @xyflow/react's
 * MiniMap keeps one subscribed component per node, which costs more than the drag itself at 2,000 nodes.
 */
export function OverviewMap({ label }: { label: string }) {
  const editor = useEditorStoreApi();
  const viewport = useStore(viewportOf, sameViewport);
  const { setCenter } = useReactFlow();
  const canvas = useRef<HTMLCanvasElement>(null);
  const bounds = useRef({ minX: 0, minY: 0, scale: 1 });
  const viewportRef = useRef(viewport);

  useEffect(() => {
    viewportRef.current = viewport;
  }, [viewport]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const draw = () => {
      timer = null;
      const context = canvas.current?.getContext("2d");
      if (!context) return;
      const { nodes } = editor.getState();
      let minX = Infinity;
      let minY = Infinity;
      let maxX = -Infinity;
      let maxY = -Infinity;
      for (const node of nodes) {
        minX = Math.min(minX, node.position.x);
        minY = Math.min(minY, node.position.y);
        maxX = Math.max(maxX, node.position.x + (node.measured?.width ?? node.initialWidth ?? 240));
        maxY = Math.max(maxY, node.position.y + (node.measured?.height ?? node.initialHeight ?? 100));
      }
      const view = viewportRef.current;
      const viewLeft = -view.x / view.zoom;
      const viewTop = -view.y / view.zoom;
      minX = Math.min(minX, viewLeft);
      minY = Math.min(minY, viewTop);
      maxX = Math.max(maxX, viewLeft + view.width / view.zoom);
      maxY = Math.max(maxY, viewTop + view.height / view.zoom);
      const scale = Math.min(WIDTH / Math.max(1, maxX - minX), HEIGHT / Math.max(1, maxY - minY));
      bounds.current = { minX, minY, scale };
      context.clearRect(0, 0, WIDTH, HEIGHT);
      for (const node of nodes) {
        context.fillStyle = node.selected ? "#1f5fbf" : "#c3cad5";
        context.fillRect((node.position.x - minX) * scale, (node.position.y - minY) * scale, Math.max(1, (node.measured?.width ?? node.initialWidth ?? 240) * scale), Math.max(1, (node.measured?.height ?? node.initialHeight ?? 100) * scale));
      }
      context.strokeStyle = "#1f5fbf";
      context.lineWidth = 1.5;
      context.strokeRect((viewLeft - minX) * scale, (viewTop - minY) * scale, (view.width / view.zoom) * scale, (view.height / view.zoom) * scale);
    };
    const schedule = () => {
      if (timer === null) timer = setTimeout(draw, REDRAW_MS);
    };
    draw();
    const unsubscribe = editor.subscribe((state, previous) => {
      if (state.nodes !== previous.nodes) schedule();
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [editor, viewport]);

  return (
    <Panel position="bottom-right">
      <canvas
        ref={canvas}
        width={WIDTH}
        height={HEIGHT}
        className="overview-map"
        aria-label={label}
        data-testid="overview-map"
        onClick={(event) => {
          // Centre the canvas on the clicked spot.
          const box = event.currentTarget.getBoundingClientRect();
          const { minX, minY, scale } = bounds.current;
          void setCenter(minX + (event.clientX - box.left) / scale, minY + (event.clientY - box.top) / scale, { zoom: viewportRef.current.zoom, duration: 200 });
        }}
      />
    </Panel>
  );
}
