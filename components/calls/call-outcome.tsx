import { useTranslations } from "next-intl";
import { callOutcomeSchema } from "@/app/_server/calls/call-outcomes";

/** An outcome as a badge in the user's language ("running" while the call has none yet). */
export function CallOutcome({ outcome }: { outcome: string | null }) {
  const t = useTranslations("calls.outcomes");
  const known = callOutcomeSchema.safeParse(outcome ?? "running");
  const name = known.success ? known.data : null;
  return (
    <span className={`badge outcome-${name ?? "other"}`} data-testid="call-outcome">
      {name === null ? outcome : t(name)}
    </span>
  );
}
