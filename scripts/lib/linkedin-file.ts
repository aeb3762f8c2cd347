// People for generated import files: unique names (the index is in the last
// name), every third with an email, accents and a quoted company among them.
const FIRST = "Ada,Ben,Chloé,Dev,Elif,Finn,Grace,Hugo,Inès,Jonas,Kaia,Liam,Maya,Noor,Omar,Priya,Quinn,Rosa,Sam,Tariq,Zoë,José".split(",");
const LAST = "Abbott,Bauer,Chen,Díaz,Eriksen,Fischer,García,Haddad,Ito,Jensen,Kowalski,López,Moreau,Nakamura,Okafor,Patel,Müller".split(",");
const COMPANIES = "Acme,Globex,Initech,Umbrella,Stark Labs,Wayne Co,Hooli,Pied Piper,Vandelay,Soylent,\"Telefónica, S.A.\"".split(",");
const ROLES = "Engineer,Product Manager,Designer,Founder,Recruiter,Data Scientist,Head of Sales,CTO".split(",");
const MONTHS = "Jan,Feb,Mar,Apr,May,Jun,Jul,Aug,Sep,Oct,Nov,Dec".split(",");

export function person(index: number) {
  const first = FIRST[index % FIRST.length] ?? "Ada";
  const last = `${LAST[(index * 7) % LAST.length] ?? "Abbott"}${index}`;
  const company = (COMPANIES[index % COMPANIES.length] ?? "Acme").replaceAll('"', "");
  return {
    first,
    last,
    slug: `${first}-${last}-${index.toString(36)}`.toLowerCase().normalize("NFD").replace(/[^\w-]/g, ""),
    email: index % 3 === 0 ? `${first}.${last}@example.com`.toLowerCase() : "",
    company,
    role: ROLES[index % ROLES.length] ?? "Engineer",
    connected: `${String((index % 28) + 1).padStart(2, "0")} ${MONTHS[index % 12]} ${2015 + (index % 11)}`,
  };
}

// A LinkedIn Connections.csv as LinkedIn exports it: a BOM, three lines of
// notes before the header, CRLF line ends.
export function linkedinFile(rows: number): Uint8Array {
  const quote = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  const lines = ["Notes:", '"When exporting your connection data, you may notice that some email addresses are missing."', ""];
  lines.push("First Name,Last Name,URL,Email Address,Company,Position,Connected On");
  for (let index = 0; index < rows; index += 1) {
    const p = person(index);
    lines.push(
      [p.first, p.last, `https://www.linkedin.com/in/${p.slug}`, p.email, p.company, p.role, p.connected].map(quote).join(","),
    );
  }
  return new TextEncoder().encode(`\uFEFF${lines.join("\r\n")}\r\n`);
}
