import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { useAuthStore } from '@/stores/auth';
// The screen most visits land on: in the first bundle, so it needs no second round trip.
import CardsView from '@/views/CardsView.vue';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable signed out (sign-in and sign-up). */
    public?: boolean;
    title?: string;
  }
}

/** Every screen, loaded on first visit. Chat joins here (and in NAVIGATION) when its API lands. */
export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/cards' },
  { path: '/login', name: 'login', component: () => import('@/views/LoginView.vue'), meta: { public: true, title: 'Sign in' } },
  { path: '/register', name: 'register', component: () => import('@/views/RegisterView.vue'), meta: { public: true, title: 'Create account' } },
  { path: '/decks', name: 'decks', component: () => import('@/views/DecksView.vue'), meta: { title: 'Decks' } },
  { path: '/cards', name: 'cards', component: CardsView, meta: { title: 'Cards' } },
  { path: '/cards/new', name: 'card-new', component: () => import('@/views/CardEditorView.vue'), meta: { title: 'New card' } },
  { path: '/cards/:id', name: 'card', component: () => import('@/views/CardEditorView.vue'), props: true, meta: { title: 'Card' } },
  { path: '/generate', name: 'generate', component: () => import('@/views/GenerateView.vue'), meta: { title: 'Generate' } },
  { path: '/review', name: 'review', component: () => import('@/views/ReviewView.vue'), meta: { title: 'Review' } },
  { path: '/sync/:id?', name: 'sync', component: () => import('@/views/SyncView.vue'), props: true, meta: { title: 'Sync' } },
  { path: '/import', name: 'import', component: () => import('@/views/ImportView.vue'), meta: { title: 'Import' } },
  { path: '/templates', name: 'templates', component: () => import('@/views/TemplatesView.vue'), meta: { title: 'Templates' } },
  { path: '/templates/:id', name: 'template', component: () => import('@/views/TemplateEditorView.vue'), props: true, meta: { title: 'Template' } },
  { path: '/prompts', name: 'prompts', component: () => import('@/views/PromptsView.vue'), meta: { title: 'Prompts' } },
  { path: '/prompts/:name', name: 'prompt', component: () => import('@/views/PromptView.vue'), props: true, meta: { title: 'Prompt' } },
  { path: '/chat', name: 'chat', component: () => import('@/views/ChatView.vue'), meta: { title: 'Chat' } },
  { path: '/chat/:id', name: 'chat-session', component: () => import('@/views/ChatView.vue'), props: true, meta: { title: 'Chat' } },
  { path: '/settings', name: 'settings', component: () => import('@/views/SettingsView.vue'), meta: { title: 'Settings' } },
  { path: '/:missing(.*)*', name: 'not-found', component: () => import('@/views/NotFoundView.vue'), meta: { public: true, title: 'Not found' } },
];

export const NAVIGATION = [
  { to: '/cards', label: 'Cards' },
  { to: '/decks', label: 'Decks' },
  { to: '/generate', label: 'Generate' },
  { to: '/review', label: 'Review' },
  { to: '/sync', label: 'Sync' },
  { to: '/chat', label: 'Chat' },
  { to: '/import', label: 'Import' },
  { to: '/templates', label: 'Templates' },
  { to: '/prompts', label: 'Prompts' },
  { to: '/settings', label: 'Settings' },
] as const;

export function createAppRouter() {
  const router = createRouter({ history: createWebHistory(), routes });

  router.beforeEach(async (to) => {
    const auth = useAuthStore();
    if (auth.status === 'unknown') await auth.restore();
    if (to.meta.public) {
      if (auth.status === 'signed-in' && (to.name === 'login' || to.name === 'register')) return { path: '/cards' };
      return true;
    }
    if (auth.status !== 'signed-in') {
      return { name: 'login', query: to.fullPath !== '/cards' ? { redirect: to.fullPath } : {} };
    }
    return true;
  });

  router.afterEach((to) => {
    document.title = to.meta.title ? `${to.meta.title} · AnkiRAG` : 'AnkiRAG';
  });

  return router;
}
