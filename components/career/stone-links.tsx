import type { StoneLinkSet } from "@/lib/domain/career";

type StoneLinksProps = {
  goalId: string;
  stoneId: string;
  stoneTitle: string;
  links: StoneLinkSet;
};

// A stepping stone's skills, people, evidence and events, with their editors.
export function StoneLinks(_props: StoneLinksProps) {
  return null;
}
