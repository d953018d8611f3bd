import { endpointJson } from "../endpoints";
import type { SimSwitch } from "../switch";
import { error } from "./ari-http";
import type { Router } from "./router";

const ok = (body: unknown) => ({ status: 200, body });

/** GET /endpoints, /endpoints/{tech}, /endpoints/{tech}/{resource} (res/ari/resource_endpoints.c). */
export function addEndpointRoutes(r: Router): void {
  const endpointChannels = (sw: SimSwitch, key: string) =>
    [...sw.channels.values()].filter((c) => c.endpoint === key).map((c) => c.id);
  // list_by_tech answers 404 for a technology that has no endpoints registered.
  r.add("/endpoints", {
    GET: ({ sw }) => ok(sw.endpoints.list().map((e) => endpointJson(e, endpointChannels(sw, `${e.technology}/${e.resource}`)))),
  });
  r.add("/endpoints/{tech}", {
    GET: ({ sw, vars }) => {
      const tech = vars.tech!;
      if (!sw.cfg.technologies.some((t) => t.toLowerCase() === tech.toLowerCase())) {
        return error(404, `No Endpoints found - invalid tech ${tech}`);
      }
      return ok(
        sw.endpoints
          .list()
          .filter((e) => e.technology.toLowerCase() === tech.toLowerCase())
          .map((e) => endpointJson(e, endpointChannels(sw, `${e.technology}/${e.resource}`))),
      );
    },
  });
  r.add("/endpoints/{tech}/{resource}", {
    GET: ({ sw, vars }) => {
      const e = sw.endpoints.get(vars.tech!, vars.resource!);
      return e ? ok(endpointJson(e, endpointChannels(sw, `${e.technology}/${e.resource}`))) : error(404, "Endpoint not found");
    },
  });
}
