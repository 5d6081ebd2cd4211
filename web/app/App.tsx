import { AdminPage } from '../facilitator/AdminPage';
import { useT } from '../i18n';
import { JoinPage } from '../join/JoinPage';
import { parseRoute, usePathname } from './router';
import { APP_NS } from './strings';
import { WorkshopPage } from './WorkshopPage';

export function App() {
  const { t } = useT(APP_NS);
  const route = parseRoute(usePathname());
  switch (route.name) {
    case 'home':
      return <JoinPage />;
    case 'join':
      return <JoinPage code={route.code} />;
    case 'admin':
      return <AdminPage />;
    case 'board':
      return (
        <WorkshopPage
          key={route.workshopId}
          workshopId={route.workshopId}
          boardId={route.boardId}
        />
      );
    case 'notFound':
      return (
        <div className="center-message">
          <div>
            <p>{t('notFound')}</p>
            <a className="btn btn-primary" href="/">
              {t('home')}
            </a>
          </div>
        </div>
      );
  }
}
