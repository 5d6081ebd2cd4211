import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { APP_NS } from './strings';

export interface AppMenuProps {
  /** Opens the board's shortcuts and help overlay. */
  onHelp: () => void;
  /** Forgets this device's access to the workshop and goes to the join page. */
  onLeave: () => void;
}

/**
 * The top bar's menu: language, help, leaving. On a phone it is also where the language
 * switch lives (the bar has no room for it there).
 */
export function AppMenu({ onHelp, onLeave }: AppMenuProps) {
  const { t } = useT(APP_NS);
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    window.addEventListener('pointerdown', onPointer);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('pointerdown', onPointer);
      window.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="menu-anchor" ref={ref}>
      <button
        ref={button}
        type="button"
        className="icon-button"
        aria-haspopup="true"
        aria-expanded={open}
        aria-label={t('menu.open')}
        title={t('menu.open')}
        onClick={() => setOpen((o) => !o)}
      >
        <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true">
          <path
            d="M4 7h16M4 12h16M4 17h16"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
          />
        </svg>
      </button>
      {open && (
        <div className="popover app-menu" role="group" aria-label={t('menu.open')}>
          <div className="app-menu-row">
            <span>{t('language')}</span>
            <LanguageSwitch />
          </div>
          <button
            type="button"
            className="app-menu-item"
            onClick={() => {
              setOpen(false);
              onHelp();
            }}
          >
            {t('menu.help')}
            <kbd>?</kbd>
          </button>
          <button type="button" className="app-menu-item danger" onClick={onLeave}>
            {t('menu.leave')}
          </button>
        </div>
      )}
    </div>
  );
}
