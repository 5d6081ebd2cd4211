import { useEffect } from 'react';
import { LanguageSwitch } from '../app/LanguageSwitch';
import { navigate } from '../app/router';
import { lastWorkshop, saveIdentity } from '../app/storage';
import { APP_NS } from '../app/strings';
import { useT } from '../i18n';
import { JoinForm } from './JoinForm';

/**
 * Home (`/`) and `/join/<code>`. Someone who joined on this device before goes straight back to
 * their board: from `/`, or from a link with the same code (no second roster entry).
 */
export function JoinPage({ code = '' }: { code?: string }) {
  const { t } = useT(APP_NS);
  const returning = lastWorkshop();
  const goBack = returning && (!code || returning.joinCode === code) ? returning : null;
  useEffect(() => {
    if (goBack) navigate(`/w/${goBack.workshopId}`, true);
  }, [goBack]);
  if (goBack) return null;
  return (
    <main className="landing">
      <div className="card">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          {t('brand')}
        </div>
        <h1>{t('join.title')}</h1>
        <p className="lead">{t('join.lead')}</p>
        {returning && !code && (
          <p>
            <button
              type="button"
              className="btn"
              style={{ width: '100%' }}
              onClick={() => navigate(`/w/${returning.workshopId}`)}
            >
              {t('join.continue', { name: returning.name || t(`roles.${returning.role}`) })}
            </button>
          </p>
        )}
        <JoinForm
          initialCode={code}
          onJoined={(res, who) => {
            saveIdentity({
              workshopId: res.workshopId,
              token: res.token,
              role: 'participant',
              participantId: res.participantId,
              name: who.name,
              joinCode: who.joinCode,
              organisation: who.organisation,
            });
            navigate(`/w/${res.workshopId}`);
          }}
        />
        <div className="footer-links">
          <a href="/admin" title={t('join.facilitator')}>
            {t('join.facilitatorLink')}
          </a>
          <LanguageSwitch />
        </div>
      </div>
    </main>
  );
}
