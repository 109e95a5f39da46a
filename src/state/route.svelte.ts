// Hash-based navigation, so that any static host serves every screen from index.html.
export type Route =
  | { page: 'home' }
  | { page: 'document'; documentId: string }
  | { page: 'campaign'; campaignId: string }
  | { page: 'results'; campaignId: string }
  | { page: 'report'; campaignId: string }
  | { page: 'public-sheet'; campaignId: string }
  | { page: 'label-sheet'; campaignId: string }
  | { page: 'survey'; campaignId: string }
  | { page: 'kiosk'; campaignId: string; audience: string }
  | { page: 'public-survey'; surveyId: string; audience: string; school: string }
  | { page: 'progress' }
  | { page: 'section'; campaignId: string; sectionId: string; itemId?: string; workshop: boolean }
  | { page: 'about' }
  | { page: 'backups' }
  | { page: 'not-found' };

export function parseRoute(hash: string): Route {
  const [rawPath = '', query = ''] = hash.replace(/^#/, '').split('?', 2);
  const path = rawPath.replace(/\/+$/, '') || '/';
  const params = new URLSearchParams(query);
  if (path === '/' || path === '') return { page: 'home' };
  if (path === '/a-propos') return { page: 'about' };
  if (path === '/progres') return { page: 'progress' };
  if (path === '/sauvegardes') return { page: 'backups' };
  const doc = /^\/referentiels\/([a-z0-9-]+)$/.exec(path);
  if (doc) return { page: 'document', documentId: doc[1]! };
  const campaign = /^\/campagnes\/([A-Za-z0-9-]+)$/.exec(path);
  if (campaign) return { page: 'campaign', campaignId: campaign[1]! };
  const sheet = /^\/campagnes\/([A-Za-z0-9-]+)\/fiche-publique$/.exec(path);
  if (sheet) return { page: 'public-sheet', campaignId: sheet[1]! };
  const labelSheet = /^\/campagnes\/([A-Za-z0-9-]+)\/candidature-label$/.exec(path);
  if (labelSheet) return { page: 'label-sheet', campaignId: labelSheet[1]! };
  const survey = /^\/campagnes\/([A-Za-z0-9-]+)\/questionnaire$/.exec(path);
  if (survey) return { page: 'survey', campaignId: survey[1]! };
  const kiosk = /^\/campagnes\/([A-Za-z0-9-]+)\/kiosque\/([a-z]+)$/.exec(path);
  if (kiosk) return { page: 'kiosk', campaignId: kiosk[1]!, audience: kiosk[2]! };
  const publicSurvey = /^\/questionnaire\/([A-Za-z0-9_-]+)$/.exec(path);
  if (publicSurvey) {
    return { page: 'public-survey', surveyId: publicSurvey[1]!, audience: params.get('public') ?? '', school: params.get('etab') ?? '' };
  }
  const report = /^\/campagnes\/([A-Za-z0-9-]+)\/rapport$/.exec(path);
  if (report) return { page: 'report', campaignId: report[1]! };
  const results = /^\/campagnes\/([A-Za-z0-9-]+)\/resultats$/.exec(path);
  if (results) return { page: 'results', campaignId: results[1]! };
  const section = /^\/campagnes\/([A-Za-z0-9-]+)\/(atelier|sections)\/([a-z0-9.-]+)$/i.exec(path);
  if (section) {
    const itemId = params.get('question') ?? undefined;
    return {
      page: 'section',
      campaignId: section[1]!,
      sectionId: section[3]!,
      workshop: section[2] === 'atelier',
      ...(itemId ? { itemId } : {}),
    };
  }
  return { page: 'not-found' };
}

export const hrefs = {
  home: '#/',
  about: '#/a-propos',
  progress: '#/progres',
  backups: '#/sauvegardes',
  document: (id: string) => `#/referentiels/${id}`,
  campaign: (id: string) => `#/campagnes/${id}`,
  results: (id: string) => `#/campagnes/${id}/resultats`,
  report: (id: string) => `#/campagnes/${id}/rapport`,
  publicSheet: (id: string) => `#/campagnes/${id}/fiche-publique`,
  labelSheet: (id: string) => `#/campagnes/${id}/candidature-label`,
  survey: (id: string) => `#/campagnes/${id}/questionnaire`,
  kiosk: (id: string, audience: string) => `#/campagnes/${id}/kiosque/${audience}`,
  /** The questionnaire alone, for a teacher's own laptop: the questionnaire's id, its audience, the school's name to greet. */
  publicSurvey: (surveyId: string, audience: string, school: string) =>
    `#/questionnaire/${surveyId}?${new URLSearchParams({ public: audience, ...(school ? { etab: school } : {}) }).toString()}`,
  section: (campaignId: string, sectionId: string, options: { itemId?: string; workshop?: boolean } = {}) =>
    `#/campagnes/${campaignId}/${options.workshop ? 'atelier' : 'sections'}/${sectionId}` +
    (options.itemId ? `?question=${encodeURIComponent(options.itemId)}` : ''),
};

class Router {
  #route = $state<Route>(parseRoute(typeof location === 'undefined' ? '' : location.hash));

  get route() {
    return this.#route;
  }

  start() {
    const update = () => {
      this.#route = parseRoute(location.hash);
    };
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }
}

export const router = new Router();

export function navigate(href: string): void {
  location.hash = href.replace(/^#/, '');
}
