/**
 * The building-block catalogue of the prototype stage (DOMAIN.md, session 4): each firm puts
 * itself in the middle and places partners, people and resources around it, joined by bridges
 * (connectors carrying what flows and the value type). Every kind has its own shape, colour and
 * icon so designs read at a glance and in the report.
 */
import type { BlockKind } from './types';

const S = { w: 140, h: 140 };
const M = { w: 120, h: 120 };
const B = { w: 150, h: 56 };

export const BLOCK_CATALOGUE: readonly BlockKind[] = [
  // Ourselves, in the middle
  { id: 'social-enterprise', group: 'self', shape: 'circle', color: '#7c3aed', icon: '★', size: { w: 170, h: 170 }, label: { nl: 'Wij: sociale onderneming', en: 'Us: social enterprise' }, description: { nl: 'Je eigen bedrijf, met een economisch én sociaal doel.', en: 'Your own firm, with an economic and a social goal.' } },
  { id: 'regular-enterprise', group: 'self', shape: 'circle', color: '#2563eb', icon: '◆', size: { w: 170, h: 170 }, label: { nl: 'Wij: reguliere onderneming', en: 'Us: regular enterprise' }, description: { nl: 'Je eigen bedrijf, een reguliere onderneming.', en: 'Your own firm, a regular enterprise.' } },
  // Direct chain partners
  { id: 'chain-customer', group: 'chain', shape: 'roundRect', color: '#f59e0b', icon: '🛒', size: S, label: { nl: 'Klant / opdrachtgever', en: 'Customer / client' }, description: { nl: 'Wie jullie werk afneemt.', en: 'Who buys your work.' } },
  { id: 'chain-supplier', group: 'chain', shape: 'roundRect', color: '#fb923c', icon: '📦', size: S, label: { nl: 'Leverancier', en: 'Supplier' }, description: { nl: 'Wie aan jullie levert.', en: 'Who supplies you.' } },
  { id: 'chain-partner', group: 'chain', shape: 'roundRect', color: '#eab308', icon: '🤝', size: S, label: { nl: 'Ketenpartner', en: 'Chain partner' }, description: { nl: 'Een directe partner, bijvoorbeeld voor doorstroom van mensen.', en: 'A direct partner, e.g. for people progressing between employers.' } },
  // Indirect ecosystem partners
  { id: 'eco-municipality', group: 'ecosystem', shape: 'hexagon', color: '#10b981', icon: '🏛', size: S, label: { nl: 'Gemeente', en: 'Municipality' }, description: { nl: 'Beleid, subsidies, werkgeversdienstverlening.', en: 'Policy, subsidies, employer services.' } },
  { id: 'eco-uwv', group: 'ecosystem', shape: 'hexagon', color: '#059669', icon: 'U', size: S, label: { nl: 'UWV', en: 'UWV (employee insurance agency)' }, description: { nl: 'Uitkeringen, loonkostensubsidie, jobcoaching.', en: 'Benefits, wage subsidies, job coaching.' } },
  { id: 'eco-school', group: 'ecosystem', shape: 'hexagon', color: '#0d9488', icon: '🎓', size: S, label: { nl: 'School / opleider', en: 'School / training centre' }, description: { nl: 'Leerlijnen, praktijkleren, certificering.', en: 'Learning lines, work-based learning, certificates.' } },
  { id: 'eco-social-org', group: 'ecosystem', shape: 'hexagon', color: '#14b8a6', icon: '♥', size: S, label: { nl: 'Maatschappelijke organisatie', en: 'Social organisation' }, description: { nl: 'Zorg, welzijn, dagbesteding, vrijwilligers.', en: 'Care, welfare, day care, volunteers.' } },
  { id: 'eco-sector', group: 'ecosystem', shape: 'hexagon', color: '#22c55e', icon: '⚑', size: S, label: { nl: 'Branche / sectororganisatie', en: 'Sector body' }, description: { nl: 'Brancheafspraken, sectorbrede leerlijnen.', en: 'Sector agreements, sector-wide learning lines.' } },
  // People
  { id: 'people-candidates', group: 'people', shape: 'triangle', color: '#ec4899', icon: '☺', size: S, label: { nl: 'Mensen die we willen laten werken', en: 'People we want to employ' }, description: { nl: 'Mensen met een kwetsbare positie op de arbeidsmarkt.', en: 'People in a vulnerable position on the labour market.' } },
  { id: 'people-staff', group: 'people', shape: 'triangle', color: '#f472b6', icon: '👥', size: S, label: { nl: 'Zittend personeel', en: 'Current staff' }, description: { nl: 'Collega’s en leidinggevenden die begeleiden.', en: 'Colleagues and managers who coach.' } },
  // Resources that flow (the five M's, knowledge, a method)
  { id: 'res-people', group: 'resource', shape: 'diamond', color: '#f97316', icon: 'M1', size: M, label: { nl: 'Mensen', en: 'People' }, description: { nl: 'Inzet van medewerkers, vrijwilligers, begeleiding.', en: 'Staff time, volunteers, coaching.' } },
  { id: 'res-money', group: 'resource', shape: 'diamond', color: '#facc15', icon: '€', size: M, label: { nl: 'Munten', en: 'Money' }, description: { nl: 'Geld, investeringen, opdrachten.', en: 'Money, investment, orders.' } },
  { id: 'res-means', group: 'resource', shape: 'diamond', color: '#a3a3a3', icon: '⚙', size: M, label: { nl: 'Middelen', en: 'Means' }, description: { nl: 'Faciliteiten, ruimte, materiaal.', en: 'Facilities, space, material.' } },
  { id: 'res-mass', group: 'resource', shape: 'diamond', color: '#60a5fa', icon: '⊕', size: M, label: { nl: 'Massa', en: 'Mass / network' }, description: { nl: 'Netwerk, toegang tot contacten.', en: 'Network, access to contacts.' } },
  { id: 'res-media', group: 'resource', shape: 'diamond', color: '#c084fc', icon: '📣', size: M, label: { nl: 'Media', en: 'Media' }, description: { nl: 'Promotie, zichtbaarheid.', en: 'Promotion, visibility.' } },
  { id: 'res-knowledge', group: 'resource', shape: 'star', color: '#38bdf8', icon: '💡', size: M, label: { nl: 'Kennis', en: 'Knowledge' }, description: { nl: 'Kennis en ervaring die je deelt.', en: 'Knowledge and experience you share.' } },
  { id: 'res-method', group: 'resource', shape: 'rect', color: '#94a3b8', icon: '☰', size: M, label: { nl: 'Methode', en: 'Method' }, description: { nl: 'Een werkwijze, bijvoorbeeld voor begeleiding of werkaanpassing.', en: 'A way of working, e.g. for coaching or job carving.' } },
  // Collaboration level badges
  { id: 'level-transaction', group: 'badge', shape: 'pill', color: '#cbd5e1', icon: '1', size: B, label: { nl: 'Niveau: transactie', en: 'Level: transaction' }, description: { nl: 'Uitwisseling van diensten of producten.', en: 'Exchanging services or products.' } },
  { id: 'level-integration', group: 'badge', shape: 'pill', color: '#93c5fd', icon: '2', size: B, label: { nl: 'Niveau: integratie', en: 'Level: integration' }, description: { nl: 'Samen organiseren, gedeelde doelen.', en: 'Organising together, shared goals.' } },
  { id: 'level-transformation', group: 'badge', shape: 'pill', color: '#86efac', icon: '3', size: B, label: { nl: 'Niveau: transformatie', en: 'Level: transformation' }, description: { nl: 'Samen het systeem veranderen.', en: 'Changing the system together.' } },
];

const BY_ID = new Map(BLOCK_CATALOGUE.map((b) => [b.id, b]));

export function blockKind(id: string): BlockKind | undefined {
  return BY_ID.get(id);
}
