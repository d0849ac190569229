import { render } from 'preact';
import { Layout } from './components/Layout';
import { Loading } from './components/Page';
import { loadConfig } from './config';
import { language, translate, useI18n } from './i18n';
import { Router } from './router';
import { NOT_FOUND, ROUTES } from './routes';
import './styles.css';

function Failed() {
  const { t } = useI18n();
  return (
    <p class="notice notice--error" role="alert">
      {t('app.failed')}
    </p>
  );
}

function App() {
  return (
    <Layout>
      <Router routes={ROUTES} fallback={NOT_FOUND} loading={<Loading />} failed={<Failed />} />
    </Layout>
  );
}

const root = document.getElementById('app') as HTMLElement;
document.documentElement.lang = language.get();

loadConfig()
  .then(() => {
    // The "loading" line of index.html is not Preact's to diff: clear it first.
    root.textContent = '';
    render(<App />, root);
  })
  .catch((error: unknown) => {
    console.error(error);
    root.textContent = translate(language.get(), 'app.failed');
  });
