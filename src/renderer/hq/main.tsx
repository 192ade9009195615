/** The HQ page (docs/hq.md): a second renderer entry, served by the chain hub at /hq, not by Electron. */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import '../src/i18n'
import './hq.css'
import { HqApp } from './HqApp'

const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <HqApp />
    </StrictMode>
  )
}
