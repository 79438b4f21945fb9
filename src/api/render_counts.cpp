// pages_laid_out(): the render layer's count, for front ends that show progress.
#include "api/bidfmt.h"
#include "render/office_pool.h"

namespace bidfmt {

long pages_laid_out() { return render::pool_counts().pages; }

}  // namespace bidfmt
