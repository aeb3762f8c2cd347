import type { Channel, EventKind, SuccessKind, ValueKind } from "@/lib/domain/enums";

// Hand-written word lists for the demo account. Companies and domains are
// fictional; email domains end in .example and phone numbers sit in Ofcom's
// drama range, so no seeded detail reaches a real person.

export const FIRST_NAMES = [
  "Amara", "Ben", "Chloe", "Daniel", "Elena", "Farah", "George", "Hana", "Isaac", "Jade",
  "Kofi", "Laura", "Mateo", "Nadia", "Oliver", "Priya", "Quentin", "Rosa", "Samir", "Tara",
  "Umar", "Valentina", "William", "Ximena", "Yusuf", "Zoe", "Aisha", "Bruno", "Camille", "Dev",
  "Emma", "Felix", "Grace", "Hugo", "Ines", "James", "Keiko", "Liam", "Maya", "Noah",
  "Olga", "Pablo", "Ruth", "Sofia", "Tom", "Uma", "Victor", "Wen", "Yara", "Zainab",
  "Adam", "Bea", "Carlos", "Dara", "Eli", "Fatima", "Gabriel", "Harriet", "Ivan", "Julia",
  "Kai", "Leila", "Marcus", "Nina", "Oscar", "Paula", "Rahul", "Sara", "Theo", "Anya",
] as const;

export const LAST_NAMES = [
  "Adeyemi", "Brennan", "Chen", "Dubois", "Evans", "Fernandes", "Garcia", "Hughes", "Ibrahim", "Jones",
  "Kowalski", "Lindqvist", "Murphy", "Nakamura", "O'Connor", "Patel", "Quinn", "Rossi", "Schmidt", "Thompson",
  "Usman", "Van Dijk", "Walsh", "Xu", "Yilmaz", "Zhang", "Ahmed", "Baker", "Campbell", "Da Silva",
  "Edwards", "Fischer", "Gallagher", "Hoffmann", "Iyer", "Jensen", "Kaur", "Lopez", "Mensah", "Novak",
  "Okafor", "Petrov", "Reyes", "Sato", "Taylor", "Ulrich", "Vargas", "Wright", "Yamamoto", "Zielinski",
  "Andersson", "Bianchi", "Costa", "Dimitrov", "Eze", "Fraser", "Gupta", "Hassan", "Ivanova", "Khan",
] as const;

export const COMPANIES = [
  "Northwind Traders", "Contoso", "Fabrikam", "Globex", "Initech", "Acme Robotics", "Hooli", "Vandelay Industries",
  "Pied Piper", "Tyrell Bio", "Wonka Foods", "Stark Logistics", "Umbrella Analytics", "Soylent Labs", "Cyberdyne Health",
  "Blue Harbour Bank", "Greenfield Energy", "Lumen Studio", "Kestrel Capital", "Orbital Maps", "Fernhill Schools",
  "Mosaic Health", "Brightwater NHS Trust", "Copperleaf Design", "Quayside Media", "Ridgeway Consulting",
  "Tidewater Charity", "Helix Pharma", "Paper Crane Books", "Longbow Games",
] as const;

export const ROLES = [
  "Software Engineer", "Product Manager", "Designer", "Engineering Manager", "Data Scientist", "Recruiter",
  "Head of Marketing", "CTO", "Founder", "Consultant", "Researcher", "Teacher", "Nurse", "Journalist",
  "Community Manager", "Sales Director", "Operations Lead", "UX Researcher", "Analyst", "Architect",
  "Volunteer Coordinator", "Lawyer", "Accountant", "Developer Advocate", "Photographer",
] as const;

export const CITIES = [
  "London", "Manchester", "Bristol", "Leeds", "Edinburgh", "Glasgow", "Cardiff", "Belfast", "Brighton",
  "Cambridge", "Oxford", "Birmingham", "Sheffield", "Nottingham", "Dublin", "Amsterdam", "Berlin", "Lisbon",
  "Paris", "Barcelona", "New York", "Toronto",
] as const;

export const TOPICS = [
  "hiring", "TypeScript", "design systems", "remote work", "fundraising", "the marathon", "their new team",
  "a career change", "mentoring", "public speaking", "open source", "the climbing trip", "product strategy",
  "the book club pick", "pricing", "their side project", "moving house", "the food bank rota", "AI tooling",
  "parental leave", "a conference talk", "the alumni dinner",
] as const;

export const NOTES = [
  "Prefers WhatsApp to email.",
  "Ask about {topic} next time.",
  "Introduced by a former colleague.",
  "Two kids; lives near {city}.",
  "Very generous with advice on {topic}.",
  "Happy to review CVs.",
  "Always up for a coffee near {city}.",
  "Mentor for early-career engineers.",
] as const;

export const CIRCLES = [
  "Ex-colleagues", "Volunteering", "Alumni", "Mentors", "Founders", "Climbing club", "Neighbours",
  "Book club", "Design community",
] as const;

export const EVENTS: readonly { name: string; kind: EventKind }[] = [
  { name: "London JS Meetup", kind: "meetup" },
  { name: "Product People Drinks", kind: "meetup" },
  { name: "Design Systems Night", kind: "meetup" },
  { name: "LeadDev London", kind: "conference" },
  { name: "Web Summit", kind: "conference" },
  { name: "Data Council", kind: "conference" },
  { name: "Food bank volunteering day", kind: "volunteering" },
  { name: "Park clean-up", kind: "volunteering" },
  { name: "Code club mentoring", kind: "volunteering" },
  { name: "Alumni reunion", kind: "social" },
  { name: "Summer barbecue", kind: "social" },
  { name: "Founders breakfast", kind: "other" },
];

export const SUMMARIES: Record<Exclude<Channel, "event">, readonly string[]> = {
  meeting: ["Coffee in {city}", "Lunch; talked about {topic}", "Walk and catch-up", "Drinks after work"],
  call: ["Call about {topic}", "Quick catch-up call", "Long call about {topic}"],
  video: ["Video call about {topic}", "Zoom catch-up", "Pairing session on {topic}"],
  message: ["Messaged about {topic}", "Sent a voice note", "Checked in after {topic}"],
  email: ["Emailed about {topic}", "Sent the notes from our chat", "Replied about {topic}"],
  social: ["Commented on their post about {topic}", "Shared their article on {topic}", "Liked their news"],
};

export const VALUE_SUMMARIES: Record<Exclude<ValueKind, "congratulation">, readonly string[]> = {
  introduction: ["Introduced them to someone working on {topic}", "Made an intro for {topic}"],
  referral: ["Referred them for a {role} role", "Passed on a lead about {topic}"],
  advice: ["Advice on {topic}", "Talked through {topic}"],
  resource_shared: ["Shared a good read on {topic}", "Sent a course on {topic}"],
  recommendation: ["Wrote a recommendation", "Recommended a book on {topic}"],
  help_offered: ["Offered help with {topic}", "Reviewed their CV"],
  thanks: ["Thanked them for their help with {topic}"],
  volunteered_together: ["Volunteered together at the food bank", "Ran a code club session together"],
  other: ["Helped with {topic}"],
};

export const SUCCESS_TITLES: Record<SuccessKind, readonly string[]> = {
  new_job: ["Started as {role} at {company}", "Joined {company}"],
  promotion: ["Promoted to {role}", "Now leads the team at {company}"],
  launch: ["Launched a new product at {company}", "Shipped their side project"],
  award: ["Won an industry award", "Shortlisted for a {city} tech award"],
  publication: ["Published an article on {topic}", "Spoke about {topic} at a conference"],
  personal_milestone: ["Ran the {city} marathon", "Got married", "Had a baby", "Moved to {city}"],
  other: ["Finished a course on {topic}"],
};
