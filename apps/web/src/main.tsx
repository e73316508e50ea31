import { render } from 'preact'
import { getUiConfig } from './api/client.js'
import { App } from './app.js'
import { initialLanguage, setLanguage } from './i18n/index.js'
import { applyTheme } from './lib/theme.js'
import './styles/index.css'

async function start(): Promise<void> {
  const config = await getUiConfig()
  applyTheme(config)
  await setLanguage(initialLanguage(config.defaultLanguage))
  const root = document.getElementById('app')
  if (root) render(<App config={config} />, root)
}

void start()
