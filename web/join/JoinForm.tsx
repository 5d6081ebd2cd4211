import { useState } from 'react';
import type { FormEvent } from 'react';
import type { JoinResponse, ParticipantKind } from '../../workshops';
import { PARTICIPANT_KINDS, stripInvisible } from '../../workshops';
import { ApiFailure, api } from '../app/api';
import { APP_NS } from '../app/strings';
import { useT } from '../i18n';

export interface JoinFormProps {
  initialCode?: string;
  onJoined: (
    res: JoinResponse,
    who: { name: string; organisation: string; joinCode: string },
  ) => void;
  /** Injected in tests; the real API otherwise. */
  join?: typeof api.join;
}

/** Join code, name, organisation and kind; clear errors for a wrong code or too many tries. */
export function JoinForm({ initialCode = '', onJoined, join = api.join }: JoinFormProps) {
  const { t } = useT(APP_NS);
  const [code, setCode] = useState(initialCode);
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [kind, setKind] = useState<ParticipantKind | ''>('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const joinCode = code.replace(/[\s-]/g, '').toUpperCase();
    if (!joinCode || !name.trim()) {
      setError(t('join.invalid'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const res = await join({
        joinCode,
        name: name.trim(),
        ...(organisation.trim() ? { organisation: organisation.trim() } : {}),
        ...(kind ? { kind } : {}),
      });
      onJoined(res, { name: name.trim(), organisation: organisation.trim(), joinCode });
    } catch (err) {
      if (err instanceof ApiFailure && err.status === 404) setError(t('join.unknownCode'));
      else if (err instanceof ApiFailure && err.status === 429)
        setError(t('join.rateLimited', { seconds: err.retryAfter ?? 60 }));
      else if (err instanceof ApiFailure && err.status === 0) setError(t('join.network'));
      else setError(t('join.failed', { message: (err as Error).message }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-describedby={error ? 'join-error' : undefined}
    >
      <div className="field">
        <label htmlFor="join-code">{t('join.code')}</label>
        <input
          id="join-code"
          className="code-input"
          value={code}
          onChange={(e) => setCode(e.target.value.toUpperCase())}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={12}
          placeholder="K7P4QX"
          aria-describedby="join-code-hint"
          required
        />
        <span id="join-code-hint" className="hint">
          {t('join.codeHint')}
        </span>
      </div>
      <div className="field">
        <label htmlFor="join-name">{t('join.name')}</label>
        <input
          id="join-name"
          value={name}
          onChange={(e) => setName(stripInvisible(e.target.value))}
          autoComplete="name"
          maxLength={80}
          required
        />
      </div>
      <div className="field">
        <label htmlFor="join-org">
          {t('join.organisation')} <span className="hint">({t('join.organisationHint')})</span>
        </label>
        <input
          id="join-org"
          value={organisation}
          onChange={(e) => setOrganisation(stripInvisible(e.target.value))}
          autoComplete="organization"
          maxLength={120}
        />
      </div>
      <fieldset className="field" style={{ border: 0, padding: 0, margin: '0 0 14px' }}>
        <legend style={{ fontWeight: 600, fontSize: 14, marginBottom: 6 }}>{t('join.kind')}</legend>
        <div className="kind-options">
          {PARTICIPANT_KINDS.map((k) => (
            <label key={k}>
              <input
                type="radio"
                name="kind"
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
              />
              <span>{t(`join.kinds.${k}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {error && (
        <p id="join-error" className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="btn btn-primary" style={{ width: '100%' }} disabled={busy}>
        {busy ? t('join.busy') : t('join.submit')}
      </button>
      <p className="hint" style={{ fontSize: 12, color: 'var(--wb-muted)', marginTop: 12 }}>
        {t('join.privacy')}
      </p>
    </form>
  );
}
