// Checked as a file of parse/ by the test layering.parse_knows_no_restorer: parsing reads
// a text (and a restored copy of it) and knows neither the restorer nor the pipeline that
// runs both (vanban/pipeline.h), so both includes below are refused.
#include "vanban/pipeline.h"
#include "vanban/restore.h"
