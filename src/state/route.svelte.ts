// Hash-based navigation, so that any static host serves every screen from index.html.
export type Route =
  | { page: 'home' }
  | { page: 'document'; documentId: string }
  | { page: 'about' }
  | { page: 'not-found' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/';
  if (path === '/' || path === '') return { page: 'home' };
  if (path === '/a-propos') return { page: 'about' };
  const doc = /^\/referentiels\/([a-z0-9-]+)$/.exec(path);
  if (doc) return { page: 'document', documentId: doc[1]! };
  return { page: 'not-found' };
}

export const hrefs = {
  home: '#/',
  about: '#/a-propos',
  document: (id: string) => `#/referentiels/${id}`,
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
