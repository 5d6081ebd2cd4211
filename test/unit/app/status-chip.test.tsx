import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChipState } from '../../../web/status/StatusChip';
import { StatusView, chipState } from '../../../web/status/StatusChip';

afterEach(cleanup);

const base = { status: 'connected', synced: true, pending: false } as const;

describe('chipState', () => {
  it('folds connection, saving and locks into what a person sees', () => {
    expect(chipState({ ...base, status: 'connecting', synced: false }, null)).toBe('connecting');
    expect(chipState({ ...base, synced: false }, null)).toBe('connecting');
    expect(chipState(base, null)).toBe('saved');
    expect(chipState({ ...base, pending: true }, null)).toBe('saving');
    expect(chipState({ ...base, status: 'offline', synced: false }, null)).toBe('offline');
    expect(chipState({ ...base, status: 'refused', synced: false }, null)).toBe('refused');
    expect(chipState(base, 'locked')).toBe('locked');
    expect(chipState(base, 'viewer')).toBe('readonly');
  });

  it('says "not accepted" after a refused write, above connecting and a lock, never "saved"', () => {
    expect(chipState({ ...base, notAccepted: true }, null)).toBe('rejected');
    expect(chipState({ ...base, notAccepted: true }, 'locked')).toBe('rejected');
    expect(chipState({ ...base, synced: false, notAccepted: true }, null)).toBe('rejected');
    expect(chipState({ ...base, status: 'offline', notAccepted: true }, null)).toBe('offline');
  });

  it('puts being offline above a lock (the lock cannot be checked offline)', () => {
    expect(chipState({ ...base, status: 'offline' }, 'locked')).toBe('offline');
  });
});

describe('StatusView', () => {
  const labels: Record<ChipState, string> = {
    connecting: 'Verbinden…',
    saved: 'Opgeslagen',
    saving: 'Opslaan…',
    offline: 'Offline – wijzigingen blijven bewaard',
    refused: 'Geen toegang',
    rejected: 'Niet geaccepteerd',
    locked: 'Vergrendeld',
    readonly: 'Alleen lezen',
  };
  for (const [state, label] of Object.entries(labels) as Array<[ChipState, string]>) {
    it(`shows ${state} with its label, announced politely`, () => {
      render(<StatusView state={state} />);
      const chip = screen.getByRole('status');
      expect(chip.getAttribute('data-state')).toBe(state);
      expect(chip.getAttribute('aria-live')).toBe('polite');
      expect(chip.textContent).toContain(label);
    });
  }
});
