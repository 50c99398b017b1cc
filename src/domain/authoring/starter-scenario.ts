import type { Taxonomy } from '../scenario/schema.ts';
import { taxonomyLabels } from '../scenario/taxonomy-labels.ts';

export interface StarterOptions {
  id: string;
  category: string;
  level: 1 | 2 | 3;
  /** `2026-03-30`: the day the case is set on. */
  day: string;
  taxonomy: Taxonomy;
  /** Playbook slugs that exist; the starter links only these. */
  playbooks: readonly string[];
  title?: string;
}

/** `credit-hold-month-end` → `Credit hold month end`. */
export const titleFromId = (id: string): string => {
  const words = id.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const quote = (text: string) => JSON.stringify(text);

/**
 * The text of a new scenario file: every part of the format in its smallest useful form, with a
 * placeholder case to replace. It passes the check with no error or warning as written, so an author
 * starts from green and sees each problem they introduce at its line.
 */
export function starterScenario(options: StarterOptions): string {
  const { id, category, level, day, taxonomy } = options;
  const routeIds = taxonomy.routes.map((route) => route.id);
  const route = (preferred: string, fallback: number) => (routeIds.includes(preferred) ? preferred : (routeIds[fallback % routeIds.length] ?? preferred));
  const [self, senior, sales, other] = [route('self', 0), route('senior', 1), route('sales', 2), route('customer-service', 3)];
  const competencyIds = taxonomy.competencies.map((term) => term.id);
  const competencies = ['diagnosis', 'routing', 'communication'].filter((term) => competencyIds.includes(term));
  const playbooks = [category, 'who-owns-what', 'authority-levels'].filter((slug) => options.playbooks.includes(slug)).slice(0, 3);
  const categoryLabel = taxonomyLabels(taxonomy).category(category);

  return `# ${titleFromId(id)}: a new ${categoryLabel.toLowerCase()} scenario. Replace every text below with your case.
# The guide is scenarios/README.md. Check as you write: npm run scenarios:check -- scenarios/${id}.yaml
# With npm run dev running, /author/${id} shows the map and the check, and refreshes when you save.
id: ${id}
title: ${quote(options.title ?? titleFromId(id))}
summary: One sentence on what went wrong and what is at stake.
category: ${category}
level: ${level}
competencies: [${competencies.join(', ')}]
playbooks: [${playbooks.join(', ')}]
estimatedMinutes: 10
setting:
  clock: ${day}T09:00
  deadline: ${day}T15:00
  sentiment: 60
case:
  order: { number: SO-1000001, po: "PO-10001", channel: EDI 850, total: 12500, currency: USD,
           terms: Net 30, requestedShip: ${day} }
  customer: { name: Example Customer, account: C-10001, tier: Standard, accountManager: Alex Doe }
  lines:
    - { sku: SKU-100, description: Example item, qty: 100, uom: EA, price: 125.00 }
  holds:
    - { code: HOLD-CODE, source: ERP, raised: ${day}T08:45, message: The hold as the screen shows it }
  documents:
    - id: first-email
      kind: email
      from: Alex Doe (Account Manager)
      subject: The message that opens the case
      body: |
        What the trainee reads first. Put the clues a careful reader needs in the case file.
    - id: found-later
      kind: log
      from: System log
      hidden: true
      body: |
        What the trainee uncovers by looking closer. The option "look-closer" reveals it.
start: first-look
steps:
  first-look:
    kind: choose
    prompt: The account manager wants it sorted now. What do you do first?
    hint: A nudge that points where to look, never at what to do.
    options:
      - id: look-closer
        text: Check the record that explains the hold.
        route: ${self}
        verdict: best
        why: In a colleague's voice, why this is what a senior would do.
        effect: { minutes: 10 }
        reveal: [found-later]
        next: contact
      - id: ask-senior
        text: Send the case to a senior specialist.
        route: ${senior}
        verdict: weak
        why: Why it is slow rather than wrong. This option rejoins the main line.
        effect: { minutes: 40, sentiment: -3 }
        next: contact
      - id: act-now
        text: Do what the account manager asks straight away.
        route: ${sales}
        verdict: wrong
        why: What really happens next when a junior does this.
        effect: { minutes: 5, sentiment: -15, dollars: 250 }
        next: went-wrong
  contact:
    kind: choose-many
    prompt: Who do you contact before you change the order?
    hint: One person decides, one talks to the customer.
    options:
      - { id: owner, text: The person who owns the decision, route: ${other} }
      - { id: account-manager, text: The account manager, route: ${sales} }
      - { id: warehouse, text: The warehouse shift lead, route: ${route('fulfillment', 4)} }
    answer: [owner, account-manager]
    why: Why these two and not the others.
    effect: { minutes: 20 }
    next:
      - when: { chose: owner }
        goto: order-of-work
      - goto: half-done
  order-of-work:
    kind: rank
    prompt: While you wait, put these in the order you work them.
    hint: What can hurt most if it waits?
    items:
      - { id: first, text: The item that must come first }
      - { id: second, text: The item that comes second }
      - { id: third, text: The routine item }
    answer: [first, second, third]
    why: Why this order.
    next: tell-customer
  tell-customer:
    kind: write
    prompt: Write the short note you send the customer now.
    hint: Say what happens next and when they hear from you.
    rubric:
      - Says what is being done about the order
      - Gives a time for the next update
      - Promises nothing another team has to decide
    model: |
      Hello, your order is with our team, who are clearing the hold now.
      I will update you by 13:00 today with a ship time.
    why: The customer needs a time, not a promise.
    effect: { minutes: 10, sentiment: 5 }
    next: resolved-well
endings:
  resolved-well:
    result: resolved
    title: Sorted, and on time
    text: What actually happened next, in two sentences.
  half-done:
    result: partial
    title: Sorted, but nobody confirmed
    text: The order shipped, but the person who owns the decision was never asked.
  went-wrong:
    result: failed
    title: It went wrong
    text: What it cost, in two sentences.
`;
}
