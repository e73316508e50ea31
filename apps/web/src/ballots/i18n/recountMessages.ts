import { addEnglishMessages } from '../../i18n/features.js'
import { recountEn } from './recountEn.js'

// Imported by the recount card: its English text is not part of the first load.
addEnglishMessages(Object.fromEntries(Object.entries(recountEn).map(([k, v]) => [`ballots.${k}`, v])))
