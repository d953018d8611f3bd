import type { NodeDefinition, NodeLintIssue } from "../node-definition";
import { portLabel } from "../shared/port-label";
import { businessHoursSchema, type BusinessHoursConfig } from "./schema";

function lintDates(config: BusinessHoursConfig): NodeLintIssue[] {
  const holidays = new Set(config.holidays.map((holiday) => holiday.date));
  const issues: NodeLintIssue[] = [];
  config.extraOpenDays.forEach((day, index) => {
    if (holidays.has(day.date)) {
      issues.push({ severity: "error", code: "date-conflict", path: ["extraOpenDays", index, "date"], params: { date: day.date } });
    }
  });
  return issues;
}

export const businessHoursDefinition: NodeDefinition<BusinessHoursConfig> = {
  type: "business-hours",
  kinds: ["ivr"],
  category: "logic",
  label: { en: "Business hours", zh: "工作时间" },
  description: {
    en: "Routes the call by the time in the chosen time zone: weekly opening hours, holidays (closed) and extra working days (open).",
    zh: "按所选时区的当前时间分流：每周营业时间、节假日（休息）和调休上班日（营业）。",
  },
  icon: "clock",
  schema: businessHoursSchema,
  defaults: () => businessHoursSchema.parse({}),
  ports: () => [
    { id: "open", label: portLabel("open"), required: true },
    { id: "closed", label: portLabel("closed"), required: true },
  ],
  expressions: () => [],
  writes: () => [],
  lint: lintDates,
  formHints: {
    timezone: { widget: "time-zone", label: { en: "Time zone", zh: "时区" } },
    weekly: { widget: "weekly-hours", label: { en: "Weekly hours", zh: "每周营业时间" } },
    "weekly.day": { widget: "select", label: { en: "Day", zh: "星期" } },
    "weekly.open": { widget: "text", label: { en: "Opens", zh: "开始" } },
    "weekly.close": { widget: "text", label: { en: "Closes", zh: "结束" } },
    holidays: { widget: "list", label: { en: "Holidays", zh: "节假日" } },
    "holidays.date": { widget: "text", label: { en: "Date", zh: "日期" } },
    "holidays.name": { widget: "text", label: { en: "Name", zh: "名称" } },
    extraOpenDays: { widget: "list", label: { en: "Extra working days", zh: "调休上班日" } },
    "extraOpenDays.date": { widget: "text", label: { en: "Date", zh: "日期" } },
    "extraOpenDays.open": { widget: "text", label: { en: "Opens", zh: "开始" } },
    "extraOpenDays.close": { widget: "text", label: { en: "Closes", zh: "结束" } },
  },
};
