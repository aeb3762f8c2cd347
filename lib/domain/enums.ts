// The domain's closed vocabularies, shared by the database enums, the zod
// schemas and the UI (this file has no server dependencies).

export const CONTACT_TIERS = ["inner", "regular", "distant"] as const;
export type ContactTier = (typeof CONTACT_TIERS)[number];
export const CONTACT_TIER_LABELS: Record<ContactTier, string> = {
  inner: "Inner circle (every 14 days)",
  regular: "Regular (your default cadence)",
  distant: "Distant (every 90 days)",
};
// Cadence in days when a contact has none of its own; null: the user's default.
export const TIER_CADENCE_DAYS: Record<ContactTier, number | null> = { inner: 14, regular: null, distant: 90 };

export const EVENT_KINDS = ["conference", "meetup", "volunteering", "social", "other"] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  conference: "Conference",
  meetup: "Meetup",
  volunteering: "Volunteering",
  social: "Social",
  other: "Other",
};

export const CHANNELS = ["meeting", "call", "video", "message", "email", "social", "event"] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = {
  meeting: "Meeting",
  call: "Call",
  video: "Video call",
  message: "Message",
  email: "Email",
  social: "Social media",
  event: "Event",
};

export const VALUE_KINDS = [
  "introduction",
  "referral",
  "advice",
  "resource_shared",
  "recommendation",
  "help_offered",
  "congratulation",
  "thanks",
  "volunteered_together",
  "other",
] as const;
export type ValueKind = (typeof VALUE_KINDS)[number];
export const VALUE_KIND_LABELS: Record<ValueKind, string> = {
  introduction: "Introduction",
  referral: "Referral",
  advice: "Advice",
  resource_shared: "Resource shared",
  recommendation: "Recommendation",
  help_offered: "Help offered",
  congratulation: "Congratulation",
  thanks: "Thanks",
  volunteered_together: "Volunteered together",
  other: "Other",
};

export const VALUE_DIRECTIONS = ["given", "received"] as const;
export type ValueDirection = (typeof VALUE_DIRECTIONS)[number];
export const VALUE_DIRECTION_LABELS: Record<ValueDirection, string> = { given: "I gave", received: "I received" };

export const SUCCESS_KINDS = [
  "new_job",
  "promotion",
  "launch",
  "award",
  "publication",
  "personal_milestone",
  "other",
] as const;
export type SuccessKind = (typeof SUCCESS_KINDS)[number];
export const SUCCESS_KIND_LABELS: Record<SuccessKind, string> = {
  new_job: "New job",
  promotion: "Promotion",
  launch: "Launch",
  award: "Award",
  publication: "Publication",
  personal_milestone: "Personal milestone",
  other: "Other",
};

// The contacts list's orders: the URL's ?sort=, the filter's options and the
// query's ORDER BY all name them from here.
export const CONTACT_SORTS = ["name", "last_touch", "next_due", "health"] as const;
export type ContactSort = (typeof CONTACT_SORTS)[number];
export const CONTACT_SORT_LABELS: Record<ContactSort, string> = {
  name: "Name",
  last_touch: "Last touch (recent first)",
  next_due: "Next due (most overdue first)",
  health: "Health (needs attention first)",
};

// The job journal: what kind of win it was, and the part each person played.
export const WIN_KINDS = [
  "delivered",
  "led",
  "improved",
  "learned",
  "helped_others",
  "recognised",
  "volunteered",
  "other",
] as const;
export type WinKind = (typeof WIN_KINDS)[number];
export const WIN_KIND_LABELS: Record<WinKind, string> = {
  delivered: "Delivered",
  led: "Led",
  improved: "Improved",
  learned: "Learned",
  helped_others: "Helped others",
  recognised: "Recognised / feedback received",
  volunteered: "Volunteered",
  other: "Other",
};

export const WIN_PERSON_PARTS = ["helped_me", "worked_with", "can_vouch", "i_helped"] as const;
export type WinPersonPart = (typeof WIN_PERSON_PARTS)[number];
export const WIN_PERSON_PART_LABELS: Record<WinPersonPart, string> = {
  helped_me: "Helped me",
  worked_with: "Worked with",
  can_vouch: "Can vouch for it",
  i_helped: "I helped",
};
// The same inside a sentence: "Ada Quinn (can vouch for it)".
export const WIN_PERSON_PART_PHRASES: Record<WinPersonPart, string> = {
  helped_me: "helped me",
  worked_with: "worked with",
  can_vouch: "can vouch for it",
  i_helped: "I helped",
};

// Career goals: where the user is heading, and the stepping stones on the way.
export const GOAL_STATUSES = ["active", "achieved", "let_go"] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];
export const GOAL_STATUS_LABELS: Record<GoalStatus, string> = {
  active: "Active",
  achieved: "Achieved",
  let_go: "Let go",
};

export const STONE_KINDS = [
  "role",
  "skill",
  "project",
  "certification",
  "relationship",
  "volunteering",
  "other",
] as const;
export type StoneKind = (typeof STONE_KINDS)[number];
export const STONE_KIND_LABELS: Record<StoneKind, string> = {
  role: "A role",
  skill: "A skill to build",
  project: "A project",
  certification: "A certification",
  relationship: "A relationship to build",
  volunteering: "Volunteering",
  other: "Other",
};

export const STONE_STATUSES = ["planned", "in_progress", "done", "dropped"] as const;
export type StoneStatus = (typeof STONE_STATUSES)[number];
export const STONE_STATUS_LABELS: Record<StoneStatus, string> = {
  planned: "Planned",
  in_progress: "In progress",
  done: "Done",
  dropped: "Dropped",
};

// What a stepping stone's history records: the plan changing, not every edit.
export const STONE_CHANGES = ["created", "moved", "redated", "status"] as const;
export type StoneChange = (typeof STONE_CHANGES)[number];

// Why a person matters for a stepping stone.
export const STONE_PERSON_PARTS = ["can_help", "has_done_it", "could_introduce"] as const;
export type StonePersonPart = (typeof STONE_PERSON_PARTS)[number];
export const STONE_PERSON_PART_LABELS: Record<StonePersonPart, string> = {
  can_help: "Can help",
  has_done_it: "Has done it",
  could_introduce: "Could introduce me",
};
// The same inside a sentence addressed to the user: "could introduce you to …".
export const STONE_PERSON_PART_PHRASES: Record<StonePersonPart, string> = {
  can_help: "can help you",
  has_done_it: "has done it",
  could_introduce: "could introduce you",
};

// A self-assessed skill level, recorded over time.
export const SKILL_LEVELS = [1, 2, 3, 4, 5] as const;
export type SkillLevel = (typeof SKILL_LEVELS)[number];
export const SKILL_LEVEL_LABELS: Record<SkillLevel, string> = {
  1: "Aware",
  2: "Learning",
  3: "Practitioner",
  4: "Advanced",
  5: "Expert",
};

export const LEARNING_KINDS = ["course", "book", "talk", "mentoring", "certification", "other"] as const;
export type LearningKind = (typeof LEARNING_KINDS)[number];
export const LEARNING_KIND_LABELS: Record<LearningKind, string> = {
  course: "Course",
  book: "Book",
  talk: "Talk",
  mentoring: "Mentoring session",
  certification: "Certification",
  other: "Other",
};

export const LEARNING_STATUSES = ["planned", "in_progress", "done"] as const;
export type LearningStatus = (typeof LEARNING_STATUSES)[number];
export const LEARNING_STATUS_LABELS: Record<LearningStatus, string> = {
  planned: "Planned",
  in_progress: "In progress",
  done: "Done",
};
