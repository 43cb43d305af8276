// Umbrella header: the whole public API of circa.
#ifndef CIRCA_CIRCA_H_
#define CIRCA_CIRCA_H_

#include "circa/aggregation.h"
#include "circa/ahp.h"
#include "circa/analyze.h"
#include "circa/bids.h"
#include "circa/catalog.h"
#include "circa/criteria.h"
#include "circa/diagnostics.h"
#include "circa/direction.h"
#include "circa/evaluate.h"
#include "circa/evaluation.h"
#include "circa/exchange.h"
#include "circa/explain.h"
#include "circa/lcc.h"
#include "circa/library.h"
#include "circa/load.h"
#include "circa/money.h"
#include "circa/panel.h"
#include "circa/render.h"
#include "circa/report.h"
#include "circa/robustness.h"
#include "circa/scorer.h"
#include "circa/smaa.h"
#include "circa/tender.h"
#include "circa/version.h"

#endif  // CIRCA_CIRCA_H_
