import { LANGUAGES } from '../../workshops';
import { setLanguage, useT } from '../i18n';
import { APP_NS } from './strings';

export function LanguageSwitch() {
  const { t, i18n } = useT(APP_NS);
  return (
    <div className="lang-switch" role="group" aria-label={t('language')}>
      {LANGUAGES.map((l) => (
        <button
          key={l}
          type="button"
          aria-pressed={i18n.language === l}
          onClick={() => setLanguage(l)}
        >
          {l.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
