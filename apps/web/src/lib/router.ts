import { useEffect, useState } from 'preact/hooks'

/** The current hash route: `#/verify?r=…` → `{ path: '/verify', params }`. */
export interface Route {
  path: string
  segments: string[]
  params: URLSearchParams
}

/** Parses a location hash into a route. */
export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/'
  const q = raw.indexOf('?')
  const path = (q < 0 ? raw : raw.slice(0, q)) || '/'
  const params = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1))
  return { path, segments: path.split('/').filter(Boolean).map(decodeURIComponent), params }
}

/** The current route, re-rendering on every hash change. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash))
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash))
    addEventListener('hashchange', onChange)
    return () => removeEventListener('hashchange', onChange)
  }, [])
  return route
}

/** Goes to a route (`/explorer`). */
export function navigate(path: string): void {
  location.hash = `#${path}`
}

/** An href for a route. */
export function href(path: string): string {
  return `#${path}`
}
