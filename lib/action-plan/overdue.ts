// Whether an action is late. Pure: the caller passes "today" so that pages, tests and the PDF agree.
// Dates are compared as ISO calendar days (AAAA-MM-JJ) in the establishments' time zone: an action
// due today is not late until tomorrow, and a finished or abandoned action is never late.

export const PLAN_TIME_ZONE = "Europe/Paris";

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (AAAA-MM-JJ) of an instant in a time zone (Paris by default). */
export function calendarDay(instant: Date, timeZone: string = PLAN_TIME_ZONE): string {
  let format = dayFormatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormatters.set(timeZone, format);
  }
  return format.format(instant);
}

/** A stored due date (midnight UTC of the chosen day) back to its AAAA-MM-JJ. */
export function dueDay(dueOn: Date | string | null | undefined): string | null {
  if (!dueOn) return null;
  return typeof dueOn === "string" ? dueOn.slice(0, 10) : dueOn.toISOString().slice(0, 10);
}

export type OverdueInput = { dueOn: Date | string | null | undefined; status: string };

export function isOverdue(action: OverdueInput, today: string): boolean {
  const due = dueDay(action.dueOn);
  if (!due) return false;
  if (action.status === "done" || action.status === "abandoned") return false;
  return due < today;
}

/** How many of these actions are late on `today`. */
export function countOverdue(actions: readonly OverdueInput[], today: string): number {
  return actions.filter((a) => isOverdue(a, today)).length;
}
