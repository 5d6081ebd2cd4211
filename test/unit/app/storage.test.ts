import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  forgetIdentity,
  lastWorkshop,
  loadIdentity,
  peekClaims,
  saveIdentity,
  takeFragmentToken,
} from '../../../web/app/storage';

/** A token shaped like the server's (header.payload.signature); the client never verifies it. */
function fakeToken(claims: Record<string, unknown>): string {
  const b64 = (o: unknown) =>
    btoa(JSON.stringify(o)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${b64({ alg: 'HS256' })}.${b64(claims)}.signature`;
}

beforeEach(() => {
  localStorage.clear();
  window.history.replaceState(null, '', '/');
});
afterEach(() => localStorage.clear());

describe('fragment tokens', () => {
  it('takes the token out of the address bar at once, keeping the path', () => {
    window.history.replaceState(null, '', '/w/abc123def/ideate#token=eyJ.abc.def');
    expect(takeFragmentToken()).toBe('eyJ.abc.def');
    expect(window.location.hash).toBe('');
    expect(window.location.pathname).toBe('/w/abc123def/ideate');
    // A second read finds nothing: the token lives only in storage now.
    expect(takeFragmentToken()).toBeNull();
  });

  it('ignores fragments without a token', () => {
    window.history.replaceState(null, '', '/w/abc123def/ideate#frame-1');
    expect(takeFragmentToken()).toBeNull();
    expect(window.location.hash).toBe('#frame-1');
  });

  it('reads role and participant from a token without trusting it for more', () => {
    const token = fakeToken({
      workshopId: 'abc123def',
      role: 'facilitator',
      participantId: 'facilitator',
      exp: 1,
    });
    expect(peekClaims(token)).toEqual({
      workshopId: 'abc123def',
      role: 'facilitator',
      participantId: 'facilitator',
    });
    expect(peekClaims('not-a-token')).toBeNull();
    expect(
      peekClaims(fakeToken({ workshopId: 'abc123def', role: 'admin', participantId: 'x' })),
    ).toBeNull();
  });
});

describe('remembered identity', () => {
  const anna = {
    workshopId: 'abc123def',
    token: 'tok',
    role: 'participant' as const,
    participantId: 'p-1',
    name: 'Anna',
    organisation: 'Groen Werkt',
  };

  it('remembers a person per workshop and the last workshop opened', () => {
    expect(lastWorkshop()).toBeNull();
    saveIdentity(anna);
    expect(loadIdentity('abc123def')).toEqual(anna);
    expect(lastWorkshop()).toEqual(anna);
    expect(loadIdentity('other12345')).toBeNull();
  });

  it('forgets a person on request', () => {
    saveIdentity(anna);
    forgetIdentity('abc123def');
    expect(loadIdentity('abc123def')).toBeNull();
  });
});
