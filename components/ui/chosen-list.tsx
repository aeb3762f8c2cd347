import { XIcon } from "lucide-react";

type ChosenItem = { key: string; name: string };

type ChosenListProps = {
  /** Names the list for screen readers and tests, e.g. "Chosen contacts". */
  label: string;
  items: ChosenItem[];
  onRemove: (key: string) => void;
  /** The remove button's name; "Remove <name>" unless the list needs more context. */
  removeLabel?: (name: string) => string;
};

const defaultRemoveLabel = (name: string) => `Remove ${name}`;

// Chosen items as rounded chips, each with its own remove button: the chosen
// contacts of a touch, the skills of a win or a stepping stone. Nothing when
// empty.
export function ChosenList({ label, items, onRemove, removeLabel = defaultRemoveLabel }: ChosenListProps) {
  if (items.length === 0) return null;
  return (
    <ul aria-label={label} className="flex flex-wrap gap-1.5">
      {items.map((item) => (
        <li
          key={item.key}
          className="inline-flex items-center gap-1 rounded-full bg-secondary py-0.5 pr-0.5 pl-2.5 text-sm text-secondary-foreground"
        >
          {item.name}
          <button
            type="button"
            onClick={() => onRemove(item.key)}
            aria-label={removeLabel(item.name)}
            className="inline-flex size-6 items-center justify-center rounded-full hover:bg-background/60"
          >
            <XIcon aria-hidden="true" className="size-3.5" />
          </button>
        </li>
      ))}
    </ul>
  );
}
