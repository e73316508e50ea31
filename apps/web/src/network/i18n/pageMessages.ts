import { addEnglishMessages } from '../../i18n/features.js'
import { networkPageEn } from './pageEn.js'
import { prefixed } from './prefix.js'

// Imported by the page's chunk: its English text is not part of the first load.
addEnglishMessages(prefixed(networkPageEn))
