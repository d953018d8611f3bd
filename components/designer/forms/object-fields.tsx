"use client";

import type { ObjectSpec } from "./field-spec";
import type { ChangeHandler, FieldPath } from "./form-context";
import { SchemaField } from "./schema-field";

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The fields of an object setting, in schema order; `skip` leaves out fields drawn elsewhere (a union's kind). */
export function ObjectFields({ spec, value, path, onChange, skip }: { spec: ObjectSpec; value: unknown; path: FieldPath; onChange: ChangeHandler; skip?: string }) {
  const object = isRecord(value) ? value : {};
  return (
    <div className="object-fields">
      {spec.properties
        .filter((property) => property.name !== skip)
        .map((property) => (
          <SchemaField
            key={property.name}
            spec={property.spec}
            value={object[property.name]}
            path={[...path, property.name]}
            required={property.required && property.spec.kind !== "nullable"}
            onChange={(next, key) => {
              const copy = { ...object };
              if (next === undefined) delete copy[property.name];
              else copy[property.name] = next;
              onChange(copy, key);
            }}
          />
        ))}
    </div>
  );
}
