import { format, parseISO } from "date-fns";

export function formatEventDateLong(occurredOn: string): string {
  return format(parseISO(occurredOn), "EEEE d MMMM yyyy");
}

export function peopleCountLabel(count: number): string {
  return count === 1 ? "1 person" : `${count} people`;
}
