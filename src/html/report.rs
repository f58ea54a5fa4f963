//! The archive report: counts, events by kind over time and by place, the most-named
//! actors, as one page with inline SVG charts (`warta report`).
