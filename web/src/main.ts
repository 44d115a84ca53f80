import { createApp } from 'vue';
import { createPinia } from 'pinia';
// Styles of the Element Plus services called from code (templates import their own on demand).
import 'element-plus/es/components/message/style/css';
import 'element-plus/es/components/message-box/style/css';
import './styles/index.css';
import App from './App.vue';
import { router } from './router';
import { DEFAULT_LOCALE, i18n, loadSavedLocale, setLocale } from './locales';
import { configureHttp } from './api/http';
import { useAuthStore } from './store/auth';
import { useBodiesStore } from './store/bodies';
import { noteServerContact } from './utils/idle';

// A reader who chose English gets it before anything is drawn (its texts are a chunk of their own);
// if that chunk cannot be fetched, the app opens in Chinese rather than not at all.
await setLocale(loadSavedLocale()).catch(() => setLocale(DEFAULT_LOCALE));

const app = createApp(App);
const pinia = createPinia();
app.use(pinia).use(i18n).use(router);

configureHttp({
  onUnauthenticated: () => {
    const auth = useAuthStore();
    const wasLoggedIn = auth.isAuthenticated;
    auth.clear();
    useBodiesStore().reset();
    const current = router.currentRoute.value;
    if (!current.meta.public) {
      void router.replace({
        name: 'Login',
        query: { reason: wasLoggedIn ? 'expired' : undefined, redirect: current.fullPath },
      });
    }
  },
  onPasswordChangeRequired: () => {
    const auth = useAuthStore();
    if (auth.user) auth.user.must_change_password = true;
    void router.replace({ name: 'ChangePassword' });
  },
  onServerContact: () => noteServerContact(),
});

router.isReady().finally(() => app.mount('#app'));
