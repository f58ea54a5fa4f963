//! Anchoring: turns [`TimeHit`]s into calendar values against a reference date.
//!
//! Resolution runs in two passes. The first collects what the article states outright
//! (explicit years, full dates, publication stamps, the elections it names) and picks
//! the reference date. The second walks the hits in text order and anchors each one;
//! it remembers the last day mentioned, which anaphoric expressions ("hari itu",
//! "sehari kemudian", a bare "pukul 20.15") count from.

use std::ops::Range;

use jiff::civil::{Date, Weekday};

use super::grammar::{Anchor, DayMonth, Direction, Form, TimeHit, Unit};
use super::labels::weekday_name;
use super::ElectionDay;
use crate::record::{Precision, Span, Time, TimeKind, YearSource};

/// A time expression anchored to the reference date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResolvedTime {
    /// Normalized byte range of the expression.
    pub range: Range<usize>,
    value: Option<String>,
    end: Option<String>,
    kind: TimeKind,
    precision: Option<Precision>,
    weekday: Option<Weekday>,
    weekday_ok: Option<bool>,
    year: Option<YearSource>,
    time: Option<String>,
    zone: Option<&'static str>,
    part_of_day: Option<&'static str>,
    publication: bool,
    timex: Option<String>,
}

impl ResolvedTime {
    fn new(hit: &TimeHit, kind: TimeKind) -> ResolvedTime {
        ResolvedTime {
            range: hit.range.clone(),
            value: None,
            end: None,
            kind,
            precision: None,
            weekday: hit.weekday,
            weekday_ok: None,
            year: None,
            time: hit.clock.map(|c| c.to_hhmm()),
            zone: hit.zone,
            part_of_day: hit.part_of_day,
            publication: hit.publication,
            timex: None,
        }
    }

    fn with(mut self, value: Option<Value>, year: YearSource) -> ResolvedTime {
        if let Some(v) = value {
            self.value = Some(v.text);
            self.precision = Some(v.precision);
            self.year = Some(year);
        }
        self
    }

    /// The record form, with `span` (original offsets) supplied by the caller.
    pub fn to_record(&self, span: Span) -> Time {
        Time {
            value: self.value.clone(),
            end: self.end.clone(),
            kind: self.kind,
            precision: self.precision,
            weekday: self.weekday.map(|w| weekday_name(w).to_string()),
            weekday_ok: self.weekday_ok,
            year: self.year,
            time: self.time.clone(),
            zone: self.zone.map(str::to_string),
            part_of_day: self.part_of_day.map(str::to_string),
            publication: self.publication,
            span,
        }
    }

    /// The ISO value (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `YYYY-Www`), if resolved.
    pub fn value(&self) -> Option<&str> {
        self.value.as_deref()
    }

    /// The value as a TimeML TIMEX3 would write it: the ISO value, or for vague
    /// expressions `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`, a decade ("199") or a
    /// season ("2014-WI").
    pub fn timex_value(&self) -> Option<&str> {
        self.timex.as_deref().or(self.value.as_deref())
    }

    /// The shape of the expression.
    pub fn kind(&self) -> TimeKind {
        self.kind
    }

    /// Precision of the value, if resolved.
    pub fn precision(&self) -> Option<Precision> {
        self.precision
    }

    /// Whether this is a publication stamp or byline date.
    pub fn is_publication(&self) -> bool {
        self.publication
    }
}

/// How near the reference day a date must fall in the reference year for a written
/// year that contradicts its weekday to be read as a slip ([`Context::year_slip`]).
const YEAR_SLIP_DAYS: i64 = 45;

/// All times of a document, anchored, with the reference date used.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Resolved {
    /// The reference date: the caller's; else a publication stamp; else the first full
    /// date written with an agreeing weekday; else the latest full date of the article.
    pub reference: Option<Date>,
    /// Every time expression in text order (these become `record::Time`s).
    pub times: Vec<ResolvedTime>,
    /// Vague expressions with a TimeML value but no calendar value ("saat ini",
    /// "dulu", "tahun 90-an", "musim hujan"), in text order. Not record times.
    pub vague: Vec<ResolvedTime>,
    /// Weekday contradictions and the like.
    pub warnings: Vec<String>,
}

/// A calendar value and its precision.
struct Value {
    text: String,
    precision: Precision,
}

impl Value {
    fn day(d: Date) -> Value {
        Value {
            text: format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
            precision: Precision::Day,
        }
    }

    fn month(year: i16, month: i8) -> Value {
        Value {
            text: format!("{year:04}-{month:02}"),
            precision: Precision::Month,
        }
    }

    fn year(year: i16) -> Value {
        Value {
            text: format!("{year:04}"),
            precision: Precision::Year,
        }
    }

    fn week(d: Date) -> Value {
        let w = d.iso_week_date();
        Value {
            text: format!("{:04}-W{:02}", w.year(), w.week()),
            precision: Precision::Week,
        }
    }
}

fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(jiff::Span::new().try_days(n).ok()?).ok()
}

fn add_months(d: Date, n: i64) -> Option<Date> {
    d.checked_add(jiff::Span::new().try_months(n).ok()?).ok()
}

fn add_years(d: Date, n: i64) -> Option<Date> {
    d.checked_add(jiff::Span::new().try_years(n).ok()?).ok()
}

/// Signed days from `b` to `a`.
fn days_between(a: Date, b: Date) -> i64 {
    a.duration_since(b).as_secs() / 86_400
}

/// Month index for comparing (year, month) pairs.
fn month_index(year: i16, month: i8) -> i32 {
    i32::from(year) * 12 + i32::from(month) - 1
}

fn from_month_index(index: i32) -> Option<(i16, i8)> {
    let year = i16::try_from(index.div_euclid(12)).ok()?;
    let month = i8::try_from(index.rem_euclid(12) + 1).ok()?;
    Some((year, month))
}

/// Among `candidates`, the one the direction allows that lies nearest `reference`
/// (ties go to the earlier one).
fn nearest<T: Copy>(
    candidates: impl Iterator<Item = (T, i64)>,
    direction: Option<Direction>,
) -> Option<T> {
    let mut best: Option<(T, i64)> = None;
    for (item, offset) in candidates {
        let allowed = match direction {
            Some(Direction::Past) => offset <= 0,
            Some(Direction::Future) => offset >= 0,
            _ => true,
        };
        let better = best.is_none_or(|(_, b)| offset.abs() < b.abs());
        if allowed && better {
            best = Some((item, offset));
        }
    }
    best.map(|(item, _)| item)
}

/// What the article states outright, gathered before anchoring.
struct Context<'a> {
    reference: Option<Date>,
    /// (position, year) of every explicit year, in text order.
    years: Vec<(usize, i16)>,
    /// (position, election kind, year) of every election named.
    election_hints: Vec<(usize, &'static str, Option<i16>)>,
    elections: &'a [ElectionDay],
    /// The last day named, with its paragraph.
    last_day: Option<(Date, usize)>,
    warnings: Vec<String>,
}

/// Anchors `hits` (in text order) to `published`, or to a reference found in them.
pub(crate) fn resolve(
    hits: &[TimeHit],
    published: Option<Date>,
    elections: &[ElectionDay],
) -> Resolved {
    let mut cx = Context {
        reference: published.or_else(|| article_reference(hits)),
        years: explicit_years(hits),
        election_hints: election_hints(hits),
        elections,
        last_day: None,
        warnings: Vec::new(),
    };
    let mut times = Vec::new();
    let mut vague = Vec::new();
    for hit in hits {
        let Some(t) = cx.anchor(hit) else { continue };
        let is_vague = matches!(hit.form, Form::Vague(_) | Form::Decade(_) | Form::Season(_));
        if !t.publication && t.precision == Some(Precision::Day) {
            if let Some(day) = t.value.as_deref().and_then(|v| v.parse().ok()) {
                cx.last_day = Some((day, hit.paragraph));
            }
        }
        if is_vague {
            vague.push(t);
        } else {
            times.push(t);
        }
    }
    Resolved {
        reference: cx.reference,
        times,
        vague,
        warnings: cx.warnings,
    }
}

/// The explicit full date of a hit, if it has one.
fn full_date(hit: &TimeHit) -> Option<Date> {
    match &hit.form {
        Form::Date(DayMonth {
            day,
            month,
            year: Some(year),
        }) => Date::new(*year, *month, *day).ok(),
        _ => None,
    }
}

/// A publication stamp; else the first full date written with a weekday that agrees
/// (Indonesian news marks the reporting day as "Kamis (6/7/2023)"); else the latest
/// full date (background dates are older than the news, so the latest is nearest
/// the publication).
fn article_reference(hits: &[TimeHit]) -> Option<Date> {
    let stamp = hits.iter().filter(|h| h.publication).find_map(full_date);
    let with_weekday = || {
        hits.iter().find_map(|h| {
            let d = full_date(h)?;
            (h.weekday? == d.weekday()).then_some(d)
        })
    };
    stamp
        .or_else(with_weekday)
        .or_else(|| hits.iter().filter_map(full_date).max())
}

fn explicit_years(hits: &[TimeHit]) -> Vec<(usize, i16)> {
    let mut years = Vec::new();
    for hit in hits {
        let pos = hit.range.start;
        match &hit.form {
            Form::Date(dm) => years.extend(dm.year.map(|y| (pos, y))),
            Form::DayRange(a, b) => years.extend(a.year.or(b.year).map(|y| (pos, y))),
            Form::Month { year, .. } => years.extend(year.map(|y| (pos, y))),
            Form::MonthRange { end, .. } => years.push((pos, end.1)),
            Form::Year { year, .. } => years.push((pos, *year)),
            _ => {}
        }
    }
    years
}

fn election_hints(hits: &[TimeHit]) -> Vec<(usize, &'static str, Option<i16>)> {
    hits.iter()
        .filter_map(|h| match &h.form {
            Form::Year {
                year,
                election: Some(kind),
            } => Some((h.range.start, *kind, Some(*year))),
            Form::Election(kind) => Some((h.range.start, *kind, None)),
            _ => None,
        })
        .collect()
}

impl Context<'_> {
    fn anchor(&mut self, hit: &TimeHit) -> Option<ResolvedTime> {
        use YearSource::{Explicit, Inferred};
        let t = match &hit.form {
            Form::Date(dm) => self.date(hit, *dm),
            Form::DayRange(start, end) => self.day_range(hit, *start, *end),
            Form::Month { month, year } => self.month(hit, *month, *year),
            Form::MonthRange { start, end } => month_range(hit, *start, *end),
            Form::Year { year, .. } => {
                ResolvedTime::new(hit, TimeKind::Date).with(Some(Value::year(*year)), Explicit)
            }
            Form::DayOfMonth(day) => {
                let d = self.day_of_month(*day, hit.direction);
                ResolvedTime::new(hit, TimeKind::Date).with(d.map(Value::day), Inferred)
            }
            Form::Weekday => self.weekday(hit),
            Form::Offset {
                amount,
                unit,
                anchor,
            } => self.offset(hit, *amount, *unit, *anchor),
            Form::Period { unit, offset } => self.period(hit, *unit, *offset),
            Form::SameDay => {
                let d = self.last_day.map(|(d, _)| d).or(self.reference);
                ResolvedTime::new(hit, TimeKind::Relative).with(d.map(Value::day), Inferred)
            }
            Form::ClockOnly => {
                // A bare time of day belongs to the day named in its own paragraph.
                let d = self
                    .last_day
                    .filter(|(_, p)| *p == hit.paragraph)
                    .map(|(d, _)| d)
                    .or(self.reference);
                ResolvedTime::new(hit, TimeKind::Relative).with(d.map(Value::day), Inferred)
            }
            Form::ElectionOffset(n) => {
                let d = self
                    .election(hit.range.start)
                    .and_then(|e| add_days(e, i64::from(*n)));
                ResolvedTime::new(hit, TimeKind::Relative).with(d.map(Value::day), Inferred)
            }
            Form::Recurring => ResolvedTime::new(hit, TimeKind::Recurring),
            Form::Vague(label) => {
                let mut t = ResolvedTime::new(hit, TimeKind::Relative);
                t.timex = Some((*label).to_string());
                t
            }
            Form::Decade(year) => {
                let mut t = ResolvedTime::new(hit, TimeKind::Relative);
                t.timex = Some(format!("{:03}", year / 10));
                t
            }
            Form::Season(season) => {
                let mut t = ResolvedTime::new(hit, TimeKind::Relative);
                t.timex = self.reference.map(|r| format!("{:04}-{season}", r.year()));
                t
            }
            Form::Election(_) => return None,
        };
        Some(t)
    }

    /// Checks a written weekday against a date; warns on a contradiction.
    fn check_weekday(&mut self, t: &mut ResolvedTime, date: Date) {
        let Some(written) = t.weekday else { return };
        let ok = written == date.weekday();
        t.weekday_ok = Some(ok);
        if !ok {
            self.warnings.push(format!(
                "weekday '{}' contradicts {} ({})",
                weekday_name(written),
                Value::day(date).text,
                weekday_name(date.weekday())
            ));
        }
    }

    fn date(&mut self, hit: &TimeHit, dm: DayMonth) -> ResolvedTime {
        let mut t = ResolvedTime::new(hit, TimeKind::Date);
        if let Some(fixed) = self.year_slip(hit, dm) {
            t.weekday_ok = Some(true);
            return t.with(Some(Value::day(fixed)), YearSource::Inferred);
        }
        let (date, source) = match dm.year {
            Some(y) => (Date::new(y, dm.month, dm.day).ok(), YearSource::Explicit),
            None => (
                self.infer_year(dm, hit.weekday, hit.direction, hit.range.start),
                YearSource::Inferred,
            ),
        };
        if let Some(d) = date {
            self.check_weekday(&mut t, d);
        }
        t.with(date.map(Value::day), source)
    }

    /// A written year that is a slip of the pen: its weekday contradicts the date
    /// ("Rabu (18/9/2018)" in an article of September 2019), and the same day of the
    /// reference year, within [`YEAR_SLIP_DAYS`] of the reference day, falls on it. That
    /// day, with a warning.
    fn year_slip(&mut self, hit: &TimeHit, dm: DayMonth) -> Option<Date> {
        let (written, year, reference) = (hit.weekday?, dm.year?, self.reference?);
        let date = Date::new(year, dm.month, dm.day).ok()?;
        if date.weekday() == written || year == reference.year() {
            return None;
        }
        let fixed = Date::new(reference.year(), dm.month, dm.day).ok()?;
        let near = fixed
            .until(reference)
            .is_ok_and(|s| i64::from(s.get_days()).abs() <= YEAR_SLIP_DAYS);
        if fixed.weekday() != written || !near {
            return None;
        }
        self.warnings.push(format!(
            "year {year} contradicts weekday '{}': {} read as {}",
            weekday_name(written),
            Value::day(date).text,
            Value::day(fixed).text
        ));
        Some(fixed)
    }

    /// The year of a day and month written without one.
    ///
    /// With a weekday: among the years where the day falls on it, the one nearest the
    /// reference (or the article's explicit years). Without: the occurrence nearest
    /// the reference, in the written direction.
    fn infer_year(
        &self,
        dm: DayMonth,
        weekday: Option<Weekday>,
        direction: Option<Direction>,
        pos: usize,
    ) -> Option<Date> {
        let on = |y: i16| Date::new(y, dm.month, dm.day).ok();
        if let Some(wd) = weekday {
            let center = self
                .reference
                .map(|r| r.year())
                .or_else(|| self.year_near(pos))?;
            let candidates = (center.saturating_sub(40)..=center.saturating_add(40))
                .filter_map(on)
                .filter(|d| d.weekday() == wd);
            let found = match self.reference {
                Some(r) => nearest(candidates.map(|d| (d, days_between(d, r))), direction),
                None => nearest(candidates.map(|d| (d, self.year_distance(d.year()))), None),
            };
            if found.is_some() {
                return found;
            }
        }
        match self.reference {
            Some(r) => {
                let years = r.year().saturating_sub(1)..=r.year().saturating_add(1);
                let candidates = years.filter_map(on).map(|d| (d, days_between(d, r)));
                nearest(candidates, direction).or_else(|| {
                    nearest(
                        years_around(r, 8)
                            .filter_map(on)
                            .map(|d| (d, days_between(d, r))),
                        None,
                    )
                })
            }
            None => on(self.year_near(pos)?),
        }
    }

    /// The explicit year written last before `pos`, else the first one after it.
    fn year_near(&self, pos: usize) -> Option<i16> {
        self.years
            .iter()
            .rev()
            .find(|(p, _)| *p < pos)
            .or_else(|| self.years.first())
            .map(|(_, y)| *y)
    }

    /// Distance (in days, roughly) from `year` to the nearest explicit year.
    fn year_distance(&self, year: i16) -> i64 {
        self.years
            .iter()
            .map(|(_, y)| i64::from(year) - i64::from(*y))
            .min_by_key(|d| d.abs())
            .map_or(i64::MAX / 2, |d| d * 366)
    }

    fn day_range(&mut self, hit: &TimeHit, start: DayMonth, end: DayMonth) -> ResolvedTime {
        let mut t = self.date(hit, start);
        t.kind = TimeKind::Range;
        let first: Option<Date> = t.value.as_deref().and_then(|v| v.parse().ok());
        let last = match (end.year, first) {
            (Some(y), _) => Date::new(y, end.month, end.day).ok(),
            (None, Some(f)) => {
                let later = (end.month, end.day) < (f.month(), f.day());
                let year = if later {
                    f.year().saturating_add(1)
                } else {
                    f.year()
                };
                Date::new(year, end.month, end.day).ok()
            }
            (None, None) => None,
        };
        t.end = last.map(|d| Value::day(d).text);
        t
    }

    fn month(&self, hit: &TimeHit, month: i8, year: Option<i16>) -> ResolvedTime {
        let t = ResolvedTime::new(hit, TimeKind::Date);
        if let Some(y) = year {
            return t.with(Some(Value::month(y, month)), YearSource::Explicit);
        }
        let found = match self.reference {
            Some(r) if hit.direction == Some(Direction::This) => Some((r.year(), month)),
            Some(r) => {
                let now = month_index(r.year(), r.month());
                let candidates = (r.year().saturating_sub(1)..=r.year().saturating_add(1))
                    .map(|y| ((y, month), i64::from(month_index(y, month) - now)))
                    .filter(|(_, off)| match hit.direction {
                        Some(Direction::Past) => *off < 0,
                        Some(Direction::Future) => *off > 0,
                        _ => true,
                    });
                nearest(candidates, None)
            }
            None => self.year_near(hit.range.start).map(|y| (y, month)),
        };
        t.with(found.map(|(y, m)| Value::month(y, m)), YearSource::Inferred)
    }

    fn day_of_month(&self, day: i8, direction: Option<Direction>) -> Option<Date> {
        let r = self.reference?;
        let now = month_index(r.year(), r.month());
        let candidates = (now - 2..=now + 2)
            .filter_map(from_month_index)
            .filter_map(|(y, m)| Date::new(y, m, day).ok())
            .map(|d| (d, days_between(d, r)));
        let direction = direction.filter(|d| *d != Direction::This);
        nearest(candidates, direction)
    }

    fn weekday(&self, hit: &TimeHit) -> ResolvedTime {
        let mut t = ResolvedTime::new(hit, TimeKind::Relative);
        let date = match (self.reference, hit.weekday) {
            (Some(r), Some(wd)) => {
                let back = i64::from(wd.until(r.weekday()));
                let ahead = i64::from(r.weekday().until(wd));
                let offset = match hit.direction {
                    Some(Direction::Past) => -(if back == 0 { 7 } else { back }),
                    Some(Direction::Future) => {
                        if ahead == 0 {
                            7
                        } else {
                            ahead
                        }
                    }
                    Some(Direction::This) => {
                        i64::from(wd.to_monday_zero_offset())
                            - i64::from(r.weekday().to_monday_zero_offset())
                    }
                    None => -back,
                };
                add_days(r, offset)
            }
            _ => None,
        };
        if date.is_some() {
            t.weekday_ok = Some(true);
        }
        t.with(date.map(Value::day), YearSource::Inferred)
    }

    fn offset(&self, hit: &TimeHit, amount: i32, unit: Unit, anchor: Anchor) -> ResolvedTime {
        let t = ResolvedTime::new(hit, TimeKind::Relative);
        let base = match anchor {
            Anchor::Reference => self.reference,
            Anchor::Previous => self.last_day.map(|(d, _)| d).or(self.reference),
        };
        let n = i64::from(amount);
        let value = base.and_then(|b| {
            let day = anchor == Anchor::Previous;
            Some(match unit {
                Unit::Day => Value::day(add_days(b, n)?),
                Unit::Week => Value::day(add_days(b, 7 * n)?),
                Unit::Month if day => Value::day(add_months(b, n)?),
                Unit::Month => {
                    let d = add_months(b, n)?;
                    Value::month(d.year(), d.month())
                }
                Unit::Year if day => Value::day(add_years(b, n)?),
                Unit::Year => Value::year(add_years(b, n)?.year()),
            })
        });
        t.with(value, YearSource::Inferred)
    }

    fn period(&self, hit: &TimeHit, unit: Unit, offset: i32) -> ResolvedTime {
        let t = ResolvedTime::new(hit, TimeKind::Relative);
        let n = i64::from(offset);
        let value = self.reference.and_then(|r| {
            Some(match unit {
                Unit::Day => Value::day(add_days(r, n)?),
                Unit::Week => Value::week(add_days(r, 7 * n)?),
                Unit::Month => {
                    let d = add_months(r, n)?;
                    Value::month(d.year(), d.month())
                }
                Unit::Year => Value::year(add_years(r, n)?.year()),
            })
        });
        t.with(value, YearSource::Inferred)
    }

    /// The election day an "H-8" at `pos` counts from: the election named nearest
    /// before it (else after it), matched by kind and year; without a year, the
    /// election of that kind nearest the reference (or the article's years).
    fn election(&self, pos: usize) -> Option<Date> {
        let hint = self
            .election_hints
            .iter()
            .rev()
            .find(|(p, _, _)| *p < pos)
            .or_else(|| self.election_hints.first());
        let fits = |e: &&ElectionDay| match hint {
            Some((_, kind, year)) => {
                (kind.is_empty() || e.kind == *kind) && year.is_none_or(|y| e.year == y)
            }
            None => true,
        };
        let candidates = self.elections.iter().filter(fits);
        let scored = candidates.map(|e| {
            let distance = match self.reference {
                Some(r) => days_between(e.date, r),
                None => self.year_distance(e.year),
            };
            (e.date, distance)
        });
        nearest(scored, None)
    }
}

fn years_around(r: Date, n: i16) -> impl Iterator<Item = i16> {
    r.year().saturating_sub(n)..=r.year().saturating_add(n)
}

fn month_range(hit: &TimeHit, start: (i8, Option<i16>), end: (i8, i16)) -> ResolvedTime {
    let (m2, y2) = end;
    let y1 = start.1.unwrap_or(if start.0 > m2 {
        y2.saturating_sub(1)
    } else {
        y2
    });
    let mut t = ResolvedTime::new(hit, TimeKind::Range)
        .with(Some(Value::month(y1, start.0)), YearSource::Explicit);
    t.end = Some(Value::month(y2, m2).text);
    t
}
