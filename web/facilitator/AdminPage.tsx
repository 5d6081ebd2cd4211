/**
 * The facilitator's start page (behind the admin link): create workshops, show the join code
 * large with a QR code for the room's screen, copy the participant and viewer links, revoke the
 * facilitator or viewer links shared so far.
 */
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { Lang, WorkshopListEntry } from '../../workshops';
import { LANGUAGES } from '../../workshops';
import { ApiFailure, api, useShareOrigin } from '../app/api';
import { LanguageSwitch } from '../app/LanguageSwitch';
import { adminToken, saveAdminToken, takeFragmentToken } from '../app/storage';
import { useT } from '../i18n';
import { FACILITATOR_NS } from './strings';

/** Links to share use the address others reach (`origin`); the facilitator's own stays here. */
function links(w: WorkshopListEntry, origin: string) {
  return {
    join: `${origin}/join/${w.joinCode}`,
    facilitator: `${window.location.origin}/w/${w.workshopId}#token=${w.facilitatorToken}`,
    viewer: `${origin}/w/${w.workshopId}#token=${w.viewerToken}`,
  };
}

export function AdminPage() {
  const { t, i18n } = useT(FACILITATOR_NS);
  const [token] = useState(() => {
    const fromLink = takeFragmentToken();
    if (fromLink) saveAdminToken(fromLink);
    return fromLink ?? adminToken();
  });
  const [list, setList] = useState<WorkshopListEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [language, setLanguage] = useState<Lang>(i18n.language === 'en' ? 'en' : 'nl');
  const [busy, setBusy] = useState(false);
  const [screen, setScreen] = useState<WorkshopListEntry | null>(null);

  const load = async () => {
    if (!token) return;
    try {
      setList((await api.listWorkshops(token)).workshops);
    } catch (err) {
      setError(
        err instanceof ApiFailure && err.status === 401
          ? t('admin.badToken')
          : (err as Error).message,
      );
    }
  };
  useEffect(() => {
    void load();
  }, [token]);

  if (!token) {
    return (
      <main className="landing">
        <div className="card">
          <p role="alert">{t('admin.noToken')}</p>
        </div>
      </main>
    );
  }

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.createWorkshop(
        {
          title: title.trim() || t('admin.namePlaceholder'),
          language,
          ...(organisation.trim() ? { organisation: organisation.trim() } : {}),
        },
        token,
      );
      setTitle('');
      setOrganisation('');
      await load();
    } catch (err) {
      setError(
        err instanceof ApiFailure && err.status === 401
          ? t('admin.badToken')
          : (err as Error).message,
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="admin">
      <header className="admin-head">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          Werkbank
        </div>
        <LanguageSwitch />
      </header>
      <div className="admin-body">
        <h1>{t('admin.title')}</h1>
        <p className="lead">{t('admin.lead')}</p>
        <form className="admin-create" onSubmit={(e) => void create(e)}>
          <h2>{t('admin.create')}</h2>
          <div className="field">
            <label htmlFor="ws-title">{t('admin.name')}</label>
            <input
              id="ws-title"
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              placeholder={t('admin.namePlaceholder')}
              maxLength={200}
            />
          </div>
          <div className="field">
            <label htmlFor="ws-org">{t('admin.organisation')}</label>
            <input
              id="ws-org"
              value={organisation}
              onChange={(e) => setOrganisation(e.target.value)}
              maxLength={200}
            />
          </div>
          <div className="field">
            <label htmlFor="ws-lang">{t('admin.language')}</label>
            <select
              id="ws-lang"
              value={language}
              onChange={(e) => setLanguage(e.target.value as Lang)}
            >
              {LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {t(`admin.languages.${l}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? t('admin.busy') : t('admin.submit')}
          </button>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
        </form>
        <section aria-label={t('admin.title')}>
          {list?.length === 0 && <p>{t('admin.none')}</p>}
          <ul className="admin-list">
            {list?.map((w) => (
              <WorkshopCard
                key={w.workshopId}
                w={w}
                adminToken={token}
                onScreen={() => setScreen(w)}
                onRevoked={load}
              />
            ))}
          </ul>
        </section>
      </div>
      {screen && <RoomScreen w={screen} onClose={() => setScreen(null)} />}
    </main>
  );
}

function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useT(FACILITATOR_NS);
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="btn"
      onClick={() => {
        void navigator.clipboard?.writeText(text).then(() => {
          setCopied(true);
          setTimeout(() => setCopied(false), 1500);
        });
      }}
    >
      {copied ? t('admin.copied') : label}
    </button>
  );
}

function WorkshopCard({
  w,
  adminToken: token,
  onScreen,
  onRevoked,
}: {
  w: WorkshopListEntry;
  adminToken: string;
  onScreen: () => void;
  onRevoked: () => Promise<void>;
}) {
  const { t, i18n } = useT(FACILITATOR_NS);
  const l = links(w, useShareOrigin());
  const [revoked, setRevoked] = useState<string | null>(null);
  const revoke = async (role: 'facilitator' | 'viewer') => {
    const question =
      role === 'facilitator'
        ? t('admin.revoke.confirmFacilitator')
        : t('admin.revoke.confirmViewer');
    if (!window.confirm(question)) return;
    try {
      await api.revoke(w.workshopId, { role }, token);
      await onRevoked();
      setRevoked(t('admin.revoke.done'));
    } catch (err) {
      setRevoked((err as Error).message);
    }
  };
  return (
    <li className="admin-card">
      <div>
        <h3>{w.title}</h3>
        <p className="muted">
          {w.organisation ? `${w.organisation} · ` : ''}
          {t('admin.created', { date: new Date(w.createdAt).toLocaleDateString(i18n.language) })}
        </p>
      </div>
      <div className="admin-code" aria-label={`${t('admin.joinCode')}: ${w.joinCode}`}>
        <small>{t('admin.joinCode')}</small>
        <strong>{w.joinCode}</strong>
      </div>
      <div className="admin-actions">
        <a className="btn btn-primary" href={l.facilitator}>
          {t('admin.open')}
        </a>
        <button type="button" className="btn" onClick={onScreen}>
          {t('admin.roomScreen')}
        </button>
        <CopyButton text={l.join} label={t('admin.copyParticipant')} />
        <CopyButton text={l.viewer} label={t('admin.copyViewer')} />
      </div>
      <details className="admin-revoke">
        <summary>{t('admin.revoke.title')}</summary>
        <button type="button" className="btn" onClick={() => void revoke('facilitator')}>
          {t('admin.revoke.facilitator')}
        </button>
        <button type="button" className="btn" onClick={() => void revoke('viewer')}>
          {t('admin.revoke.viewer')}
        </button>
        {revoked && <p role="status">{revoked}</p>}
      </details>
    </li>
  );
}

/** Full-screen join code and QR code for the projector in the room. */
function RoomScreen({ w, onClose }: { w: WorkshopListEntry; onClose: () => void }) {
  const { t } = useT(FACILITATOR_NS);
  const [qr, setQr] = useState<string | null>(null);
  const origin = useShareOrigin();
  const l = links(w, origin);
  useEffect(() => {
    void QRCode.toDataURL(l.join, { margin: 1, width: 360 }).then(setQr);
  }, [l.join]);
  return (
    <div className="room-screen" role="dialog" aria-modal="true" aria-label={t('admin.roomScreen')}>
      <button type="button" className="btn room-close" onClick={onClose} autoFocus>
        {t('admin.close')}
      </button>
      <h1>{w.title}</h1>
      <p>{t('admin.joinAt', { url: new URL(origin).host })}</p>
      <div className="room-code">{w.joinCode}</div>
      {qr && <img src={qr} width={300} height={300} alt={l.join} />}
    </div>
  );
}
