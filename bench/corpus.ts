/**
 * Deterministic benchmark corpus: job postings and role charters in the style of
 * test/fixtures/corpus, honest ones and anti-pattern ones, built from a seed.
 * Every document depends only on (seed, index, size), so the same seed gives the
 * same bytes on every machine and a 10,000-file set starts with the 1,000-file set.
 * Pure: no file system here (write-corpus.ts writes the files).
 */

/** mulberry32: tiny, fast, good enough for picking words; same sequence everywhere. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes the seed with a document index and a salt (FNV-1a over their decimal forms). */
export function mix(...parts: Array<number | string>): number {
  let h = 0x811c9dc5;
  for (const ch of parts.join('\u0000')) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
function pickSome<T>(r: Rand, xs: readonly T[], n: number): T[] {
  const pool = [...xs];
  const out: T[] = [];
  while (out.length < n && pool.length) out.push(pool.splice(Math.floor(r() * pool.length), 1)[0]);
  return out;
}
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

const COMPANIES = [
  'Northgate Energy',
  'Kingfisher Bank',
  'Harbour Lane Hotels',
  'Brightwell Telecom',
  'Mossley Building Society',
  'Larkspur Health',
  'Copperfield Retail',
  'Tidewater Insurance',
  'Oakmere Housing',
  'Riverstone Motors',
  'Fernhill Water',
  'Blue Heron Airlines',
  'Greystone Software',
  'Millbrook Foods',
  'Saltmarsh Travel',
];
const PLACES = ['Leeds', 'Manchester', 'Bristol', 'Glasgow', 'Cardiff', 'Birmingham', 'Norwich', 'Remote (UK)', 'London', 'Austin, TX', 'Denver, CO', 'Dublin'];
const FUNCTIONS = ['product', 'marketing', 'operations', 'IT', 'finance', 'legal', 'HR', 'engineering', 'digital', 'sales', 'billing', 'logistics'];
const CHANNELS = ['phone', 'email', 'live chat', 'social media', 'web form', 'in-app messaging'];
const TOPICS = [
  'bills',
  'meter readings',
  'refunds',
  'deliveries',
  'bookings',
  'account changes',
  'payment plans',
  'claims',
  'repairs',
  'orders',
  'cancellations',
  'direct debits',
];
const PRODUCTS = [
  'credit cards',
  'broadband bundles',
  'home insurance',
  'travel packages',
  'savings accounts',
  'mobile contracts',
  'extended warranties',
  'loyalty memberships',
];

const CX_TITLES = [
  'Customer Experience Manager',
  'CX Specialist',
  'Customer Experience Advisor',
  'Head of Customer Experience',
  'Director of Customer Experience',
  'Customer Experience Associate',
  'CX Lead',
  'Customer Experience Coordinator',
  'Guest Experience Agent',
  'Client Experience Associate',
  'Member Experience Representative',
  'Patient Experience Coordinator',
  'Senior CX Manager',
  'VP, Customer Experience',
];
const SERVICE_TITLES = ['Customer Service Advisor', 'Customer Support Specialist', 'Customer Care Team Lead', 'Contact Centre Agent', 'Service Desk Analyst'];
const SALES_TITLES = ['Sales Associate', 'Retail Sales Consultant', 'Account Executive', 'Business Development Representative'];
const OTHER_TITLES = ['Customer Success Manager', 'Backend Engineer', 'Product Designer', 'Data Analyst', 'Finance Business Partner', 'Warehouse Operative'];

const serviceDuty = (r: Rand) =>
  pick(r, [
    `Answer inbound ${pick(r, CHANNELS)} enquiries from customers about ${pick(r, TOPICS)} and ${pick(r, TOPICS)}`,
    `Resolve customer complaints at the first point of contact wherever you can`,
    `Work a ticket queue of ${pick(r, TOPICS)} requests and keep every ticket within its service level`,
    `Keep average handle time under ${int(r, 4, 9)} minutes and after-call work under one minute`,
    `Update customer accounts on the ${pick(r, ['billing', 'CRM', 'booking', 'claims'])} system after every contact`,
    `Escalate disputed ${pick(r, TOPICS)} to the specialist resolutions team`,
    `Process ${pick(r, TOPICS)} and ${pick(r, TOPICS)} for customers over the ${pick(r, CHANNELS)}`,
    `Handle calls from customers in arrears, following our vulnerability guidelines`,
    `Work a rotating shift pattern that includes one Saturday in every ${pick(r, ['three', 'four', 'five'])}`,
  ]);
const salesDuty = (r: Rand) =>
  pick(r, [
    `Upsell ${pick(r, PRODUCTS)} to every customer you speak to`,
    `Hit monthly sales targets and earn commission on every ${pick(r, PRODUCTS).replace(/s$/, '')} you sell`,
    `Cross-sell ${pick(r, PRODUCTS)} and ${pick(r, PRODUCTS)} at the till and on the shop floor`,
    `Generate new leads through outbound calls and convert them into paying customers`,
    `Meet your quota of ${int(r, 20, 80)} new accounts a month`,
    `Follow up on quotes within 24 hours to close the sale`,
  ]);
const vocDuty = (r: Rand) =>
  pick(r, [
    `Run the voice-of-the-customer programme: NPS, complaint analysis and customer interviews`,
    `Analyse customer feedback from surveys, reviews and complaints every month and share what it says`,
    `Run quarterly customer interviews and turn what customers tell us into a prioritised list of fixes`,
    `Own the NPS and CSAT surveys and report the trends to the leadership team`,
    `Listen to call recordings with the contact centre and find the root causes of repeat contact`,
  ]);
const crossDuty = (r: Rand) =>
  pick(r, [
    `Map the customer journeys for ${pick(r, TOPICS)} with ${pickSome(r, FUNCTIONS, 3).join(', ')} and the contact centre`,
    `Work with ${pick(r, FUNCTIONS)} and ${pick(r, FUNCTIONS)} to fix the causes of the ${pick(r, ['five', 'ten', 'twenty'])} largest complaint categories`,
    `Agree journey fixes with the ${pick(r, FUNCTIONS)} and ${pick(r, FUNCTIONS)} leadership teams and track them to done`,
    `Chair the monthly customer council with leaders from ${pickSome(r, FUNCTIONS, 4).join(', ')}`,
    `Coach ${pick(r, ['branch', 'store', 'contact centre', 'field'])} leaders to use customer feedback with their teams`,
  ]);
const adminDuty = (r: Rand) =>
  pick(r, [
    `Manage the diary of the ${pick(r, ['Head of CX', 'CX Director', 'Chief Customer Officer'])} and book travel`,
    `Take minutes at the weekly CX leadership meeting and chase actions`,
    `Prepare the monthly CX dashboard slides from data supplied by the analytics team`,
    `Raise purchase orders and track the CX department budget`,
    `Organise team away days, onboarding schedules and meeting rooms`,
    `Keep the CX SharePoint site and document library tidy and up to date`,
  ]);
const engineerDuty = (r: Rand) =>
  pick(r, [
    `Build and run the APIs behind our ${pick(r, ['booking', 'billing', 'claims'])} platform`,
    `Write well-tested ${pick(r, ['TypeScript', 'Go', 'Kotlin', 'Python'])} services and review your colleagues' code`,
    `Take part in the on-call rota and improve our monitoring`,
    `Design database schemas and migrations with the data team`,
  ]);
const requirement = (r: Rand) =>
  pick(r, [
    `At least ${pick(r, ['six months', 'one year', 'two years', 'five years'])} of experience in a ${pick(r, ['call centre', 'retail', 'hospitality', 'customer experience', 'consulting'])} role`,
    `A calm, friendly manner, even when a customer is upset`,
    `Confident with spreadsheets and able to tell a story with data`,
    `Experience of ${pick(r, ['Zendesk', 'Salesforce', 'Medallia', 'Qualtrics', 'Genesys'])} or a similar tool`,
    `Clear written English and the confidence to present to senior leaders`,
    `The right to work in the ${pick(r, ['UK', 'US', 'EU'])}`,
  ]);
const benefit = (r: Rand) =>
  pick(r, [
    `${int(r, 25, 30)} days' holiday plus bank holidays`,
    `${int(r, 5, 10)}% employer pension contribution`,
    `Private medical cover for you and your family`,
    `Hybrid working: ${int(r, 2, 3)} days a week in the office`,
    `A learning budget of £${int(r, 5, 20) * 100} a year`,
    `Free on-site gym and a subsidised canteen`,
  ]);
const aboutSentence = (r: Rand, company: string) =>
  pick(r, [
    `At ${company} we ${pick(r, ['obsess over', 'care deeply about', 'put our customers at the heart of'])} customer experience.`,
    `${company} serves more than ${int(r, 2, 90) * 10},000 customers across ${pick(r, ['the UK', 'Ireland', 'North America', 'Europe'])}.`,
    `We have been named a ${pick(r, ['Which? Recommended Provider', 'Great Place to Work', 'Top Employer'])} ${pick(r, ['two', 'three', 'four'])} years running.`,
    `Our teams in ${pick(r, PLACES)} and ${pick(r, PLACES)} work together on everything from ${pick(r, TOPICS)} to ${pick(r, TOPICS)}.`,
    `We are growing fast and have just opened a new office with room for another ${int(r, 2, 9) * 10} people.`,
  ]);
const paragraph = (r: Rand, company: string, n: number) => Array.from({ length: n }, () => aboutSentence(r, company)).join(' ');

export type Archetype = 'honest-service' | 'honest-sales' | 'genuine-cx' | 'renamed-service' | 'renamed-sales' | 'cx-no-customer' | 'other-role' | 'charter';
const ARCHETYPES: ReadonlyArray<[Archetype, number]> = [
  ['honest-service', 0.2],
  ['honest-sales', 0.1],
  ['genuine-cx', 0.2],
  ['renamed-service', 0.15],
  ['renamed-sales', 0.1],
  ['cx-no-customer', 0.05],
  ['other-role', 0.1],
  ['charter', 0.1],
];

function archetypeOf(r: Rand): Archetype {
  let x = r();
  for (const [a, w] of ARCHETYPES) if ((x -= w) < 0) return a;
  return 'honest-service';
}

function bullets(r: Rand, make: Array<(r: Rand) => string>, n: number, numbered = false): string {
  return Array.from({ length: n }, (_, i) => `${numbered ? `${i + 1}.` : '-'} ${pick(r, make)(r)}`).join('\n');
}

/** Extra top-level sections that grow a document to its target size. */
function filler(r: Rand, company: string, duties: Array<(r: Rand) => string>): string {
  switch (int(r, 0, 3)) {
    case 0:
      return `## ${pick(r, ['Programme', 'Workstream', 'Focus area', 'Priority'])}: ${pick(r, TOPICS)}\n\n${paragraph(r, company, int(r, 2, 4))}\n\n${bullets(r, duties, int(r, 3, 7))}\n`;
    case 1:
      return `## ${pick(r, ['A day in the life', 'How you will spend your week', 'The team'])}\n\n${paragraph(r, company, int(r, 3, 6))}\n`;
    case 2:
      return `## ${pick(r, ['Targets', 'Service levels', 'Key metrics'])}\n\n| Measure | Target |\n|---|---|\n${Array.from({ length: int(r, 3, 6) }, () => `| ${pick(r, ['First contact resolution', 'Complaints per 1,000 customers', 'Relationship NPS', 'Average handle time', 'Repeat contact rate', 'Journey fixes delivered'])} | ${int(r, 5, 95)}% |`).join('\n')}\n`;
    default:
      return `## ${pick(r, ['Notes for applicants', 'Working here', 'Our values'])}\n\n${paragraph(r, company, int(r, 2, 5))}\n\n${paragraph(r, company, int(r, 1, 3))}\n`;
  }
}

/** One document of about `targetBytes` (UTF-8), a pure function of its arguments. */
export function generateDocument(seed: number, index: number, targetBytes: number, forced?: Archetype): { archetype: Archetype; text: string } {
  const r = rng(mix(seed, index, targetBytes));
  const archetype = forced ?? archetypeOf(r);
  const company = pick(r, COMPANIES);
  const place = pick(r, PLACES);
  const title =
    archetype === 'honest-service'
      ? pick(r, SERVICE_TITLES)
      : archetype === 'honest-sales'
        ? pick(r, SALES_TITLES)
        : archetype === 'other-role'
          ? pick(r, OTHER_TITLES)
          : pick(r, CX_TITLES);
  const duties: Array<(r: Rand) => string> = {
    'honest-service': [serviceDuty],
    'honest-sales': [salesDuty],
    'genuine-cx': [vocDuty, crossDuty, serviceDuty],
    'renamed-service': [serviceDuty],
    'renamed-sales': [salesDuty, serviceDuty],
    'cx-no-customer': [adminDuty],
    'other-role': [engineerDuty],
    charter: [vocDuty, crossDuty],
  }[archetype];

  const parts: string[] = [];
  if (archetype === 'charter') {
    parts.push(`---\nkind: charter\ntitle: ${title}\nbusiness_unit: ${pick(r, ['Retail', 'Digital', 'Operations', 'Group'])}\n---\n`);
    parts.push(`${company} · Role charter approved by the ${pick(r, ['Executive Committee', 'Board', 'Operating Committee'])}\n`);
    parts.push(`## Purpose\n\n${paragraph(r, company, int(r, 1, 3))}\n`);
    parts.push(`## Mandate\n\n${bullets(r, duties, int(r, 4, 8))}\n`);
    parts.push(
      `## Reports to\n\nChief Customer Officer. Executive sponsor: ${pick(r, ['Group Chief Operating Officer', 'Chief Executive', 'Chief Digital Officer'])}.\n`,
    );
    parts.push(`## Decision rights\n\n${bullets(r, [crossDuty], int(r, 2, 4))}\n`);
    parts.push(`## Success measures\n\n- Relationship NPS up ${int(r, 5, 20)} points in two years\n- Complaints per 1,000 customers down ${int(r, 10, 40)}%\n`);
  } else {
    parts.push(`# ${title} (${place}, ${pick(r, ['Full Time', 'Part Time', 'Permanent', '12-month contract'])})\n`);
    parts.push(
      `**Salary:** £${int(r, 22, 95)},${pick(r, ['000', '500'])} a year  \n**Hours:** ${pick(r, ['37.5', '40', '35'])} a week  \n**Reporting to:** ${pick(r, ['Team Manager', 'Head of Operations', 'Chief Customer Officer', 'Store Manager'])}\n`,
    );
    parts.push(`## About us\n\n${paragraph(r, company, int(r, 2, 4))}\n`);
    parts.push(
      `## ${pick(r, ["What you'll do", 'Responsibilities', 'Key responsibilities', 'The role'])}\n\n${bullets(r, duties, int(r, 5, 10), r() < 0.3)}\n`,
    );
    parts.push(`## ${pick(r, ['What you bring', 'Requirements', 'About you'])}\n\n${bullets(r, [requirement], int(r, 4, 7))}\n`);
    parts.push(`## ${pick(r, ['What we offer', 'Benefits'])}\n\n${bullets(r, [benefit], int(r, 3, 6))}\n`);
  }
  const tail = `## Equal opportunity\n\n${company} is an equal opportunities employer. We welcome applications from everyone and will make reasonable adjustments at every stage.\n\n## How to apply\n\nClick **Apply now** and complete our short online form.\n`;
  let size = utf8Length(parts.join('\n')) + utf8Length(tail);
  while (size < targetBytes) {
    const s = filler(r, company, duties);
    parts.push(s);
    size += utf8Length(s) + 1;
  }
  parts.push(tail);
  return { archetype, text: parts.join('\n') };
}

function utf8Length(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

export interface CorpusFile {
  /** Relative path under the corpus folder. */
  name: string;
  /** Target size in bytes; the document is at most one section larger. */
  size: number;
  index: number;
}

/**
 * The posting set: most postings 2–8 KB, one in fifty a 30–100 KB charter-sized document.
 * File i of an n-file set is the same for every n ≥ i.
 */
export function postingSet(seed: number, count: number): CorpusFile[] {
  return Array.from({ length: count }, (_, index) => {
    const r = rng(mix(seed, 'size', index));
    const big = r() < 0.02;
    const size = big ? int(r, 30, 100) * 1024 : int(r, 2, 8) * 1024;
    return { name: `${String(Math.floor(index / 1000)).padStart(2, '0')}/posting-${String(index).padStart(5, '0')}.md`, size, index };
  });
}

/** The single documents used for per-document timings. */
export const SINGLES = [
  { name: '5kb.md', size: 5 * 1024 },
  { name: '100kb.md', size: 100 * 1024 },
  { name: '1mb.md', size: 1024 * 1024 },
  { name: '5mb.md', size: 5 * 1024 * 1024 },
] as const;

export function singleDocument(seed: number, name: string, size: number): string {
  // The big ones are charters (many top-level sections); the 5 KB one is a CX posting.
  return generateDocument(seed, mix('single', name), size, size > 64 * 1024 ? 'charter' : 'genuine-cx').text;
}
