import { useT } from '../../i18n';
import type { Board } from '../board';
import type { CommandGroup } from '../commands';
import { commandsOf, displayShortcut } from '../commands';
import { BOARD_NS } from '../strings';
import { useBoardState } from '../use-board';
import { ACCESS_NS } from '../access-strings';
import { TOUCH_QUERY, useMedia } from './use-media';

const GROUPS: CommandGroup[] = ['tools', 'edit', 'arrange', 'view', 'facilitate'];

/** A shortcut as shown: the `+` key itself is no separator (displayShortcut splits on it). */
export function shortcutLabel(s: string): string {
  return s === '+' ? '+' : displayShortcut(s);
}

/** Every shortcut, straight from the command registry (`?`). */
export function HelpOverlay({ board }: { board: Board }) {
  const { t } = useT(BOARD_NS);
  const { t: ta } = useT(ACCESS_NS);
  const touch = useMedia(TOUCH_QUERY);
  const open = useBoardState(board, (s) => s.helpOpen);
  if (!open) return null;
  const close = () => board.store.setState({ helpOpen: false });
  return (
    <div className="wb-help-backdrop" onClick={close}>
      <div
        className="wb-help"
        role="dialog"
        aria-modal="true"
        aria-labelledby="wb-help-title"
        onClick={(e) => e.stopPropagation()}
      >
        <header>
          <h2 id="wb-help-title">{t('help.title')}</h2>
          <button type="button" onClick={close} autoFocus>
            {t('help.close')}
          </button>
        </header>
        <p className="wb-help-hints">
          {/* On a touch screen: gestures, no keys (issue 14). */}
          {touch ? ta('touchHelp') : `${t('help.pan')} · ${t('help.zoom')} · ${t('help.create')}`}
        </p>
        <div className="wb-help-grid">
          {GROUPS.map((g) => (
            <section key={g}>
              <h3>{t(`groups.${g}`)}</h3>
              <dl>
                {commandsOf(board)
                  .filter((c) => c.group === g && !c.unlisted && c.shortcuts.length > 0)
                  .map((c) => (
                    <div key={c.id}>
                      <dt>{t(c.label)}</dt>
                      <dd>
                        {c.shortcuts.slice(0, 2).map((s) => (
                          <kbd key={s}>{shortcutLabel(s)}</kbd>
                        ))}
                      </dd>
                    </div>
                  ))}
              </dl>
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}
