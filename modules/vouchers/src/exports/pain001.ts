import { formatAmount } from '../amounts.js'
import type { Account, Settlement } from '../types.js'

/** The ISO 20022 namespace of the customer credit transfer initiation this module writes. */
export const PAIN_001_NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.03'

// XML text escaping; SEPA's character set is narrower still, so anything
// outside printable Latin-1 is replaced (EPC SCT rulebook, character set).
function text(value: string, max: number): string {
  const latin = value
    .normalize('NFC')
    .replace(/[^\x20-\x7E\xA0-\xFF]/g, '?')
    .slice(0, max)
  return latin
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

function agent(account: Account): string {
  return account.bic === null
    ? '<FinInstnId><Othr><Id>NOTPROVIDED</Id></Othr></FinInstnId>'
    : `<FinInstnId><BIC>${account.bic}</BIC></FinInstnId>`
}

/**
 * A SEPA credit transfer initiation (ISO 20022 `pain.001.001.03`, EPC SCT
 * profile: service level SEPA, charges SLEV, IBANs) paying every item of a
 * settlement batch from the fund's account: one `PmtInf`, one
 * `CdtTrfTxInf` per provider, end-to-end ids `<settlement>-<n>`. The
 * creation time is the settlement's ledger time, so the file is the same
 * every time it is exported.
 *
 * @example buildPain001({ settlement, debtor: fund.debtor })
 */
export function buildPain001({ settlement, debtor }: { settlement: Settlement; debtor: Account }): string {
  const count = settlement.items.length
  const sum = formatAmount(settlement.total)
  const transfers = settlement.items.map(
    (item, i) =>
      `<CdtTrfTxInf><PmtId><EndToEndId>${text(`${settlement.id}-${i + 1}`, 35)}</EndToEndId></PmtId>` +
      `<Amt><InstdAmt Ccy="EUR">${formatAmount(item.amount)}</InstdAmt></Amt>` +
      (item.account.bic === null ? '' : `<CdtrAgt>${agent(item.account)}</CdtrAgt>`) +
      `<Cdtr><Nm>${text(item.account.name, 70)}</Nm></Cdtr>` +
      `<CdtrAcct><Id><IBAN>${item.account.iban}</IBAN></Id></CdtrAcct>` +
      `<RmtInf><Ustrd>${text(`Vouchers ${settlement.fund} ${settlement.id}: ${item.count} redemptions`, 140)}</Ustrd></RmtInf></CdtTrfTxInf>`,
  )
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<Document xmlns="${PAIN_001_NAMESPACE}"><CstmrCdtTrfInitn>`,
    `<GrpHdr><MsgId>${text(settlement.id, 35)}</MsgId><CreDtTm>${settlement.createdAt.slice(0, 19)}</CreDtTm>`,
    `<NbOfTxs>${count}</NbOfTxs><CtrlSum>${sum}</CtrlSum><InitgPty><Nm>${text(debtor.name, 70)}</Nm></InitgPty></GrpHdr>`,
    `<PmtInf><PmtInfId>${text(settlement.id, 35)}</PmtInfId><PmtMtd>TRF</PmtMtd><BtchBookg>true</BtchBookg>`,
    `<NbOfTxs>${count}</NbOfTxs><CtrlSum>${sum}</CtrlSum><PmtTpInf><SvcLvl><Cd>SEPA</Cd></SvcLvl></PmtTpInf>`,
    `<ReqdExctnDt>${settlement.executionDate}</ReqdExctnDt><Dbtr><Nm>${text(debtor.name, 70)}</Nm></Dbtr>`,
    `<DbtrAcct><Id><IBAN>${debtor.iban}</IBAN></Id></DbtrAcct><DbtrAgt>${agent(debtor)}</DbtrAgt><ChrgBr>SLEV</ChrgBr>`,
    ...transfers,
    '</PmtInf></CstmrCdtTrfInitn></Document>',
    '',
  ].join('\n')
}
