import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JoinRequest, JoinResponse } from '../../../workshops';
import { ApiFailure } from '../../../web/app/api';
import { setLanguage } from '../../../web/i18n';
import { JoinForm } from '../../../web/join/JoinForm';

afterEach(() => {
  cleanup();
  setLanguage('nl');
});

const ok: JoinResponse = { workshopId: 'abc123def', participantId: 'p-1', token: 'tok' };

function setup(join: (req: JoinRequest) => Promise<JoinResponse>, initialCode = '') {
  const onJoined = vi.fn();
  const user = userEvent.setup();
  render(<JoinForm initialCode={initialCode} onJoined={onJoined} join={join} />);
  return { onJoined, user };
}

describe('JoinForm', () => {
  it('asks for a code and a name before calling the server', async () => {
    const join = vi.fn(async () => ok);
    const { user, onJoined } = setup(join);
    await user.click(screen.getByRole('button', { name: 'Meedoen' }));
    expect(screen.getByRole('alert').textContent).toBe('Vul een code en je naam in.');
    await user.type(screen.getByLabelText('Deelnamecode'), 'k7p4qx');
    await user.click(screen.getByRole('button', { name: 'Meedoen' }));
    expect(screen.getByRole('alert')).toBeTruthy();
    expect(join).not.toHaveBeenCalled();
    expect(onJoined).not.toHaveBeenCalled();
  });

  it('sends the normalised code, name, organisation and kind, then reports the join', async () => {
    const join = vi.fn(async (_req: JoinRequest) => ok);
    const { user, onJoined } = setup(join);
    await user.type(screen.getByLabelText('Deelnamecode'), 'k7p-4qx');
    await user.type(screen.getByLabelText('Je naam'), '  Anna de Vries ');
    await user.type(screen.getByLabelText(/Organisatie/), 'Groen Werkt');
    await user.click(screen.getByLabelText('Sociale onderneming'));
    await user.click(screen.getByRole('button', { name: 'Meedoen' }));
    expect(join).toHaveBeenCalledWith({
      joinCode: 'K7P4QX',
      name: 'Anna de Vries',
      organisation: 'Groen Werkt',
      kind: 'social',
    });
    expect(onJoined).toHaveBeenCalledWith(ok, {
      name: 'Anna de Vries',
      organisation: 'Groen Werkt',
      joinCode: 'K7P4QX',
    });
  });

  it('fills in the code from a /join/<code> link', () => {
    setup(
      vi.fn(async () => ok),
      'ABC234',
    );
    expect((screen.getByLabelText('Deelnamecode') as HTMLInputElement).value).toBe('ABC234');
  });

  it('says so when the code is unknown', async () => {
    const join = vi.fn(async () => {
      throw new ApiFailure(404, 'unknown_code', 'no workshop has this join code');
    });
    const { user, onJoined } = setup(join, 'ZZZZZZ');
    await user.type(screen.getByLabelText('Je naam'), 'Bram');
    await user.click(screen.getByRole('button', { name: 'Meedoen' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Deze code kennen we niet/);
    expect(onJoined).not.toHaveBeenCalled();
  });

  it('tells how long to wait after too many attempts', async () => {
    const join = vi.fn(async () => {
      throw new ApiFailure(429, 'rate_limited', 'too many join attempts', 42);
    });
    const { user } = setup(join, 'ZZZZZZ');
    await user.type(screen.getByLabelText('Je naam'), 'Bram');
    await user.click(screen.getByRole('button', { name: 'Meedoen' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Te veel pogingen. Probeer het over 42 seconden opnieuw.',
    );
  });

  it('speaks English when English is chosen', async () => {
    setLanguage('en');
    setup(vi.fn(async () => ok));
    expect(await screen.findByRole('button', { name: 'Join' })).toBeTruthy();
  });
});
