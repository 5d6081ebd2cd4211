import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { PresentPerson } from '../../../web/presence/PresenceList';
import { PresenceList, initials } from '../../../web/presence/PresenceList';

afterEach(cleanup);

const people: PresentPerson[] = [
  {
    key: '1',
    id: 'p-1',
    name: 'Anna de Vries',
    organisation: 'Groen Werkt',
    color: '#e11d48',
    kind: 'social',
    isSelf: true,
  },
  {
    key: '2',
    id: 'p-2',
    name: 'Bram Jansen',
    organisation: 'Bakkerij Jansen',
    color: '#2563eb',
    kind: 'regular',
    isSelf: false,
  },
  {
    key: '3',
    id: 'facilitator',
    name: 'Begeleider',
    organisation: '',
    color: '#059669',
    isSelf: false,
  },
];

describe('initials', () => {
  it('takes the first and last word', () => {
    expect(initials('Anna de Vries')).toBe('AV');
    expect(initials('bram')).toBe('B');
    expect(initials('  ')).toBe('?');
  });
});

describe('PresenceList', () => {
  it('shows avatars and a count, and lists name, organisation and kind on demand', async () => {
    const user = userEvent.setup();
    render(<PresenceList people={people} />);
    const button = screen.getByRole('button', { name: /Wie is er: 3 personen/ });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    // Initials are drawn by CSS (data-initials): the button's visible text is its count.
    const shown = [...button.querySelectorAll('[data-initials]')].map((a) =>
      a.getAttribute('data-initials'),
    );
    expect(shown).toEqual(expect.arrayContaining(['AV', 'BJ']));
    await user.click(button);
    const dialog = screen.getByRole('dialog', { name: 'Wie is er' });
    const items = within(dialog).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[0]?.textContent).toContain('Anna de Vries (jij)');
    expect(items[0]?.textContent).toContain('Groen Werkt');
    expect(items[0]?.textContent).toContain('Sociaal');
    expect(items[1]?.textContent).toContain('Bakkerij Jansen');
    expect(items[1]?.textContent).toContain('Regulier');
  });

  it('says one person in the singular', () => {
    render(<PresenceList people={people.slice(0, 1)} />);
    expect(screen.getByRole('button', { name: /1 persoon$/ })).toBeTruthy();
  });
});
