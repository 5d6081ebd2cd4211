import { useEffect, useRef, useState } from 'react';
import type { Participant } from '../../workshops';
import { APP_NS } from '../app/strings';
import { useT } from '../i18n';

export interface PresentPerson {
  key: string;
  id: string;
  name: string;
  organisation: string;
  color: string;
  kind?: Participant['kind'];
  isSelf: boolean;
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return (
    (parts[0]?.[0] ?? '?') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')
  ).toUpperCase();
}

/** Avatars of who is on this board; a click lists them with organisation and kind. */
export function PresenceList({ people }: { people: PresentPerson[] }) {
  const { t } = useT(APP_NS);
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    window.addEventListener('pointerdown', close);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('pointerdown', close);
      window.removeEventListener('keydown', onKey);
    };
  }, [open]);
  return (
    <div className="presence-more" ref={ref}>
      <button
        type="button"
        className="presence-button"
        aria-expanded={open}
        aria-label={`${t('presence.title')}: ${t('presence.count', { count: people.length })}`}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="presence">
          {people.slice(0, 4).map((p) => (
            <span
              key={p.key}
              className="avatar"
              style={{ background: p.color }}
              title={p.name}
              aria-hidden="true"
              // Drawn by CSS: the button's name is the count, and its visible text must match.
              data-initials={initials(p.name)}
            />
          ))}
        </span>
        <span className="presence-count">{people.length}</span>
      </button>
      {open && (
        <div className="popover" role="dialog" aria-label={t('presence.title')}>
          <h2>{t('presence.title')}</h2>
          <ul className="people">
            {people.map((p) => (
              <li key={p.key}>
                <span className="avatar" style={{ background: p.color }} aria-hidden="true">
                  {initials(p.name)}
                </span>
                <span className="who">
                  <strong>
                    {p.name}
                    {p.isSelf ? ` (${t('presence.you')})` : ''}
                  </strong>
                  {p.organisation && <small>{p.organisation}</small>}
                </span>
                {p.kind && <span className="kind">{t(`kinds.${p.kind}`)}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
