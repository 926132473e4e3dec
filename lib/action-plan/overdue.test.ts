import { describe, expect, it } from "vitest";
import { calendarDay, countOverdue, dueDay, isOverdue } from "./overdue";

describe("[ACTION-PLAN] overdue", () => {
  const today = "2026-11-25";

  it("is late when the due day is before today and the action is still open", () => {
    expect(isOverdue({ dueOn: "2026-11-24", status: "todo" }, today)).toBe(true);
    expect(isOverdue({ dueOn: new Date("2026-01-01T00:00:00Z"), status: "in_progress" }, today)).toBe(true);
  });

  it("is not late on the due day itself, nor later", () => {
    expect(isOverdue({ dueOn: "2026-11-25", status: "todo" }, today)).toBe(false);
    expect(isOverdue({ dueOn: new Date("2026-12-31T00:00:00Z"), status: "todo" }, today)).toBe(false);
  });

  it("is never late without a due date, or once done or abandoned", () => {
    expect(isOverdue({ dueOn: null, status: "todo" }, today)).toBe(false);
    expect(isOverdue({ dueOn: undefined, status: "in_progress" }, today)).toBe(false);
    expect(isOverdue({ dueOn: "2020-01-01", status: "done" }, today)).toBe(false);
    expect(isOverdue({ dueOn: "2020-01-01", status: "abandoned" }, today)).toBe(false);
  });

  it("counts the late actions of a plan", () => {
    const plan = [
      { dueOn: "2026-10-01", status: "todo" },
      { dueOn: "2026-10-01", status: "done" },
      { dueOn: "2026-11-24", status: "in_progress" },
      { dueOn: null, status: "todo" },
    ];
    expect(countOverdue(plan, today)).toBe(2);
    expect(countOverdue([], today)).toBe(0);
  });

  it("takes today in Paris: 23:30 UTC on the 25th is already the 26th", () => {
    expect(calendarDay(new Date("2026-11-25T23:30:00Z"))).toBe("2026-11-26");
    expect(calendarDay(new Date("2026-11-25T22:59:00Z"))).toBe("2026-11-25");
    expect(calendarDay(new Date("2026-07-01T21:59:00Z"))).toBe("2026-07-01"); // summer time, UTC+2
    expect(calendarDay(new Date("2026-07-01T22:00:00Z"))).toBe("2026-07-02");
    expect(isOverdue({ dueOn: "2026-11-25", status: "todo" }, calendarDay(new Date("2026-11-25T23:30:00Z")))).toBe(
      true,
    );
  });

  it("reads a stored due date back as its calendar day", () => {
    expect(dueDay(new Date("2026-03-31T00:00:00Z"))).toBe("2026-03-31");
    expect(dueDay("2026-03-31")).toBe("2026-03-31");
    expect(dueDay(null)).toBeNull();
  });
});
