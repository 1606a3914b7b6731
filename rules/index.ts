// The built-in rules, one module each.

import type { Rule } from '../src/core/rule.js';
import cookieCutter from './cookie-cutter.js';
import copiedText from './copied-text.js';
import documentLength from './document-length.js';
import hypeTech from './hype-tech.js';
import itDriven from './it-driven.js';
import jargon from './jargon.js';
import longHorizon from './long-horizon.js';
import missingUserNeeds from './missing-user-needs.js';
import noDeliveryEvidence from './no-delivery-evidence.js';
import noMission from './no-mission.js';
import noPrinciples from './no-principles.js';
import notIntegrated from './not-integrated.js';
import noReviewCycle from './no-review-cycle.js';
import noSuccessMeasures from './no-success-measures.js';
import noTradeOffs from './no-trade-offs.js';
import noUsers from './no-users.js';
import readability from './readability.js';
import skippedText from './skipped-text.js';
import supplierLockIn from './supplier-lock-in.js';
import undefinedAcronyms from './undefined-acronyms.js';
import vagueGoals from './vague-goals.js';
import wishList from './wish-list.js';

export const builtinRules: Rule<any>[] = [vagueGoals, noSuccessMeasures, wishList, longHorizon, noReviewCycle, hypeTech, noUsers, missingUserNeeds, readability, undefinedAcronyms, jargon, documentLength, noPrinciples, noDeliveryEvidence, noTradeOffs, noMission, itDriven, supplierLockIn, notIntegrated, cookieCutter, copiedText, skippedText];
