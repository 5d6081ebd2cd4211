import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { currentLanguage } from './i18n';
import { registerServiceWorker } from './sw-register';
import './styles/global.css';
import './report/fonts.css';

document.documentElement.lang = currentLanguage();
const root = document.getElementById('root');
if (root) createRoot(root).render(<App />);
registerServiceWorker();
