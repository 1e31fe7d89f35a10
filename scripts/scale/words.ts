// Word lists the scale seed draws names and texts from. Enough variety that search and
// sorting behave as on real data (shared prefixes, near-duplicates, typos to find).

export const COMPANY_PREFIXES = [
  'Northwind', 'Contoso', 'Fabrikam', 'Tailspin', 'Wide World', 'Litware', 'Adventure', 'Proseware', 'Lucerne', 'Coho',
  'Woodgrove', 'Trey', 'Humongous', 'Blue Yonder', 'Alpine', 'Baltic', 'Cascade', 'Delta', 'Evergreen', 'Falcon',
  'Granite', 'Harbor', 'Iris', 'Juniper', 'Keystone', 'Lighthouse', 'Meridian', 'Nordic', 'Orion', 'Pioneer',
  'Quantum', 'Redwood', 'Summit', 'Tidal', 'Union', 'Vertex', 'Westfield', 'Xenon', 'Yellowstone', 'Zenith',
  'Atlas', 'Beacon', 'Crescent', 'Dynamo', 'Ember', 'Frontier', 'Global', 'Horizon', 'Insight', 'Jade',
  'Kestrel', 'Lumen', 'Mosaic', 'Nimbus', 'Oakridge', 'Polaris', 'Riverside', 'Sterling', 'Titan', 'Vanguard',
]
export const COMPANY_SECTORS = [
  'Logistics', 'Pharma', 'Systems', 'Energy', 'Foods', 'Analytics', 'Robotics', 'Insurance', 'Capital', 'Health',
  'Software', 'Media', 'Retail', 'Airlines', 'Motors', 'Textiles', 'Chemicals', 'Telecom', 'Consulting', 'Labs',
  'Networks', 'Freight', 'Hotels', 'Plastics', 'Construction', 'Security', 'Learning', 'Payments', 'Solar', 'Water',
  'Biotech', 'Devices', 'Games', 'Travel', 'Finance', 'Mining', 'Marine', 'Cloud', 'Design', 'Print',
]
export const LEGAL_SUFFIXES = ['', '', 'GmbH', 'Ltd', 'Inc.', 'AG', 'BV', 'SAS', 'Group', 'AB', 'Oy', 'SpA']
export const INDUSTRIES = [
  'Software', 'Healthcare', 'Logistics', 'Manufacturing', 'Finance', 'Retail', 'Energy', 'Media', 'Travel',
  'Insurance', 'Food & beverage', 'Telecommunications', 'Education', 'Public sector', 'Construction',
]
/** [country, weight] */
export const COUNTRIES: [string, number][] = [
  ['DE', 30], ['US', 15], ['GB', 10], ['FR', 9], ['NL', 7], ['AT', 5], ['CH', 5], ['SE', 4], ['IT', 4], ['ES', 4], ['DK', 3], ['NO', 2], ['PL', 2],
]
export const CITIES = ['Berlin', 'Hamburg', 'Munich', 'Cologne', 'London', 'Paris', 'Amsterdam', 'Vienna', 'Zurich', 'Stockholm', 'Milan', 'Madrid', 'New York', 'Boston']
export const STREETS = ['Hauptstraße', 'Market Street', 'Rue de la Paix', 'Kanalweg', 'Station Road', 'Lindenallee', 'Harbour Lane', 'Parkweg']
export const COMPANY_NOTES = [
  'Met at the trade fair; interested in the onboarding package.',
  'Procurement requires three quotes for anything above 50k.',
  'Existing customer of a competitor; contract ends in Q3.',
  'Prefers email over calls. Decisions are made in the monthly board meeting.',
]

export const FIRST_NAMES = [
  'Anna', 'Ben', 'Carla', 'David', 'Elif', 'Felix', 'Grace', 'Hugo', 'Ines', 'Jonas', 'Kara', 'Leon', 'Maya', 'Nils', 'Olga',
  'Paul', 'Quinn', 'Rosa', 'Samir', 'Tara', 'Uwe', 'Vera', 'Will', 'Xenia', 'Yusuf', 'Zoe', 'Amir', 'Birgit', 'Chen', 'Dana',
  'Emil', 'Fatima', 'Georg', 'Hanna', 'Ivan', 'Julia', 'Kai', 'Lena', 'Marco', 'Nora', 'Oskar', 'Petra', 'Rafael', 'Sofia',
  'Tom', 'Ute', 'Viktor', 'Wanda', 'Yara', 'Zeynep',
]
export const LAST_NAMES = [
  'Berger', 'Costa', 'Dubois', 'Evans', 'Fischer', 'Garcia', 'Hansen', 'Ito', 'Jansen', 'Keller', 'Larsen', 'Moreau', 'Novak',
  'Olsen', 'Peters', 'Quast', 'Rossi', 'Schmidt', 'Taylor', 'Ulrich', 'Vogel', 'Weber', 'Xu', 'Yilmaz', 'Zimmermann',
  'Andersson', 'Becker', 'Clarke', 'Dietrich', 'Eriksen', 'Fontaine', 'Gruber', 'Hoffmann', 'Ivanova', 'Jovanovic', 'Kowalski',
  'Lindqvist', 'Meyer', 'Nielsen', 'Oliveira', 'Petrov', 'Richter', 'Santos', 'Thomsen', 'Umar', 'Varga', 'Wagner', 'Young',
]
export const JOB_TITLES = [
  'Head of Operations', 'CFO', 'IT Director', 'Procurement Lead', 'COO', 'Project Manager', 'VP Customer Success', 'CEO',
  'Head of Sales', 'Office Manager', 'CTO', 'Finance Manager', 'Team Lead', 'Purchasing Manager', 'HR Director',
]

export const DEAL_NOUNS = ['Rollout', 'Expansion', 'Pilot', 'Renewal', 'Migration', 'Onboarding', 'Upgrade', 'Integration', 'Licences', 'Support contract']
export const COMMITMENTS = [
  'Go-live before the end of next quarter; weekly status call during onboarding.',
  'Dedicated onboarding manager and a training day on site.',
  'Data migration from the old system included at no extra cost.',
  'Price locked for 24 months; SSO available at launch.',
]
export const LOST_NOTES = ['Went with the cheaper offer.', 'Budget frozen until next year.', 'Champion left the company.', 'Needed an on-premise option.']

/** [name, sku, unit price in minor units] — the product catalogue */
export const PRODUCTS: [string, string, number][] = [
  ['Platform licence (seat, year)', 'LIC-SEAT', 36_000],
  ['Platform licence Enterprise (seat, year)', 'LIC-ENT', 60_000],
  ['Onboarding Starter', 'ONB-START', 450_000],
  ['Onboarding Pro', 'ONB-PRO', 1_200_000],
  ['Implementation day', 'IMPL-DAY', 120_000],
  ['Training day', 'TRAIN-DAY', 95_000],
  ['Premium support (year)', 'SUP-PREM', 600_000],
  ['Standard support (year)', 'SUP-STD', 240_000],
  ['Data migration', 'MIG-DATA', 800_000],
  ['SSO add-on (year)', 'ADD-SSO', 180_000],
  ['Reporting add-on (year)', 'ADD-REP', 150_000],
  ['API access (year)', 'ADD-API', 300_000],
  ['Custom integration', 'INT-CUSTOM', 1_500_000],
  ['Health check', 'SVC-HEALTH', 200_000],
  ['Managed service (month)', 'SVC-MANAGED', 350_000],
]

export const ACTIVITY_SUBJECTS = {
  NOTE: ['Intro call went well', 'Budget confirmed', 'Needs a security review', 'Competitor in play', 'Decision postponed'],
  CALL: ['Discovery call', 'Follow-up call', 'Pricing call', 'Call with procurement', 'Check-in call'],
  EMAIL: ['Sent proposal', 'Sent case study', 'Answered security questionnaire', 'Sent revised quote', 'Contract draft sent'],
  MEETING: ['Demo', 'On-site workshop', 'Steering meeting', 'Technical deep dive', 'Negotiation meeting'],
  TASK: ['Send proposal', 'Prepare demo', 'Follow up on quote', 'Book workshop', 'Chase signature'],
}

export const REP_NAMES = [
  'Alex Rivera', 'Bea Schulz', 'Chris Novak', 'Dana Lindqvist', 'Eli Moreau', 'Finn Hansen', 'Gina Rossi', 'Hana Ito',
  'Igor Petrov', 'Jana Keller', 'Kim Olsen', 'Lars Weber', 'Mia Costa', 'Noah Evans', 'Ola Nielsen', 'Pia Gruber',
  'Raj Umar', 'Sara Vogel', 'Timo Richter', 'Vic Santos',
]

// ---- delivery (projects and tasks)

/** Organization-defined project roles; the first leads a project (its owner holds it). */
export const PROJECT_ROLES = ['Implementation lead', 'Solutions engineer', 'Data migration specialist', 'Trainer', 'Account manager']
export const PROJECT_SUFFIXES = ['onboarding', 'rollout', 'implementation', 'migration', 'expansion', 'go-live']
export const MILESTONES = ['Kickoff', 'Configuration', 'Training', 'Go-live']

/** Task titles by phase (the milestone a task belongs to), in the order a project meets them. */
export const TASK_TITLES: readonly (readonly string[])[] = [
  ['Kickoff meeting', 'Collect requirements', 'Confirm the project plan', 'Share the onboarding checklist', 'Set up the customer workspace',
    'Invite the customer admins', 'Review the handoff notes', 'Agree on success criteria', 'Book the weekly status call', 'Map the current process'],
  ['Configure SSO', 'Import customer data', 'Set up user roles', 'Configure the workflows', 'Connect the CRM integration', 'Set up email templates',
    'Configure reporting', 'Load the product catalogue', 'Test the data migration', 'Security review', 'Set up the sandbox', 'Configure notifications'],
  ['Train the admins', 'Train the end users', 'Record the training session', 'Write the FAQ', 'Run the pilot with one team', 'Collect pilot feedback',
    'Fix the pilot findings', 'Prepare the help center articles', 'Train-the-trainer session'],
  ['Go-live checklist', 'Switch over', 'Hypercare week', 'Final data import', 'Decommission the old system', 'Go-live announcement',
    'Handover to support', 'Success review with the customer', 'Close the project'],
]

export const CHECKLIST_ITEMS = ['Agenda sent', 'Notes shared', 'Owner confirmed', 'Access granted', 'Tested in the sandbox', 'Customer signed off', 'Documented', 'Reviewed by the lead']
export const COMMENT_BODIES = [
  'Waiting for the customer to send the export.',
  'Done on our side, the customer still needs to confirm.',
  'Moved to next week, their IT lead is out.',
  'Looks good, one open question about the field mapping.',
  'Can someone from solutions join the call on Thursday?',
  'The customer asked for a second session.',
]

export const DELIVERY_NAMES = [
  'Ada Brandt', 'Bo Lindgren', 'Cem Aydin', 'Dora Fuchs', 'Emre Kaya', 'Frida Holm', 'Gus Walsh', 'Hedda Lund', 'Isa Moretti', 'Jon Falk',
  'Kira Vogt', 'Luca Bruno', 'Mette Dahl', 'Nico Serra', 'Oda Berg', 'Piet de Vries', 'Rhea Stone', 'Sven Ek', 'Tilda Nyberg', 'Ugo Ferri',
]
