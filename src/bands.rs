//! Which rows of the picture are still to paint after a paint, and which band of them a frame
//! paints next. Rows are the picture's device pixels; the picture lies on tiles `tile` rows
//! high (see `web::tiles`), and a band never crosses a tile, so that a band painted in slices
//! (a few shapes a frame, [`crate::draw::draw_band_from`]) goes on in the same tile. Plain
//! Rust: the browser only asks it.

/// A band of rows (from, to) and how many of its shapes are already drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Band {
    pub from: u32,
    pub to: u32,
    pub skip: usize,
}

/// The rows left to paint.
#[derive(Debug, Default)]
pub struct Pending {
    /// Ranges of rows (from, to), in no particular order.
    ranges: Vec<(u32, u32)>,
    /// The band a slice left unfinished.
    slice: Option<Band>,
    /// Whether the rows left are blank (the tiles were sized, which clears them) rather than an
    /// older picture that a band must clear first.
    blank: bool,
}

impl Pending {
    /// After a paint: `ranges` are left, `blank` or not; an unfinished band is forgotten.
    pub fn reset(&mut self, blank: bool, ranges: impl IntoIterator<Item = (u32, u32)>) {
        self.ranges.clear();
        self.ranges.extend(ranges.into_iter().filter(|(from, to)| from < to));
        self.slice = None;
        self.blank = blank;
    }

    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    /// Whether a band must be cleared before it is painted.
    pub fn blank(&self) -> bool {
        self.blank
    }

    /// Something was painted over some rows left (a hover's repaint): they are no longer blank,
    /// and a band painted in part starts again, cleared.
    pub fn touched(&mut self) {
        self.blank = false;
        self.slice = None;
    }

    /// Whether any row from `top` to `bottom` is left.
    pub fn any_in(&self, top: u32, bottom: u32) -> bool {
        self.ranges.iter().any(|&(from, to)| from < bottom && top < to)
    }

    /// The band to paint next, with the rows `top` to `bottom` in view: the unfinished one, else
    /// the rows left in view (in the tile of the first), else the nearest tile's below the
    /// viewport, then above it. `None` when nothing is left.
    pub fn next(&mut self, top: u32, bottom: u32, tile: u32) -> Option<Band> {
        if let Some(band) = self.slice.take() {
            return Some(band);
        }
        let tile = tile.max(1);
        let tile_end = |row: u32| (row / tile + 1).saturating_mul(tile);
        let (from, to) = match self.ranges.iter().find(|&&(from, to)| from < bottom && top < to) {
            Some(&(from, to)) => {
                let from = from.max(top);
                (from, to.min(bottom).min(tile_end(from)))
            }
            // The nearest rows below the viewport, else the nearest above it.
            None => match self.ranges.iter().filter(|&&(from, _)| from >= bottom).min_by_key(|&&(from, _)| from) {
                Some(&(from, to)) => (from, to.min(tile_end(from))),
                None => {
                    let &(from, to) = self.ranges.iter().max_by_key(|&&(_, to)| to)?;
                    (from.max((to - 1) / tile * tile), to)
                }
            },
        };
        Some(Band { from, to, skip: 0 })
    }

    /// `band` was painted: whole (`drawn` `None`), or its first `drawn` shapes (`Some`), to go on
    /// from in the next frame.
    pub fn painted(&mut self, band: Band, drawn: Option<usize>) {
        if let Some(drawn) = drawn {
            self.slice = Some(Band { skip: drawn, ..band });
            return;
        }
        if let Some(index) = self.ranges.iter().position(|&(start, end)| start <= band.from && band.to <= end) {
            let (start, end) = self.ranges.remove(index);
            let left = [(start, band.from), (band.to, end)];
            for (offset, range) in left.into_iter().filter(|(a, b)| a < b).enumerate() {
                self.ranges.insert(index + offset, range);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Paints every band `next` gives, whole, until nothing is left; the bands in order.
    fn drain(pending: &mut Pending, top: u32, bottom: u32, tile: u32) -> Vec<(u32, u32)> {
        let mut bands = Vec::new();
        while let Some(band) = pending.next(top, bottom, tile) {
            assert!(band.from < band.to, "{band:?}");
            assert_eq!(band.from / tile, (band.to - 1) / tile, "a band stays in one tile: {band:?}");
            bands.push((band.from, band.to));
            pending.painted(band, None);
            assert!(bands.len() < 100, "never ends");
        }
        bands
    }

    #[test]
    fn rows_in_view_come_first_then_the_tiles_below_then_those_above() {
        let mut pending = Pending::default();
        // A picture of 5000 rows in tiles of 1000; the viewport shows 2500 to 3300, none painted.
        pending.reset(true, [(0, 5000)]);
        let bands = drain(&mut pending, 2500, 3300, 1000);
        assert_eq!(bands, [(2500, 3000), (3000, 3300), (3300, 4000), (4000, 5000), (2000, 2500), (1000, 2000), (0, 1000)]);
        assert!(pending.is_empty() && !pending.any_in(0, 5000));
    }

    #[test]
    fn after_a_paint_of_the_rows_in_view_the_rest_follows_below_then_above() {
        let mut pending = Pending::default();
        pending.reset(false, [(1800, 3000), (0, 900), (50, 50)]);
        assert!(!pending.blank() && pending.any_in(0, 10) && !pending.any_in(900, 1800));
        assert_eq!(drain(&mut pending, 900, 1800, 1024), [(1800, 2048), (2048, 3000), (0, 900)]);
    }

    #[test]
    fn a_band_painted_in_part_goes_on_until_a_repaint_starts_it_again() {
        let mut pending = Pending::default();
        pending.reset(true, [(0, 2000)]);
        let band = pending.next(0, 600, 1000).unwrap();
        assert_eq!(band, Band { from: 0, to: 600, skip: 0 });
        pending.painted(band, Some(7));
        assert_eq!(pending.next(5000, 6000, 1000), Some(Band { from: 0, to: 600, skip: 7 }), "the slice goes on wherever the reader is");
        pending.painted(band, Some(7));
        pending.touched();
        assert!(!pending.blank());
        assert_eq!(pending.next(0, 600, 1000), Some(Band { from: 0, to: 600, skip: 0 }));
        pending.reset(true, []);
        assert_eq!(pending.next(0, 600, 1000), None);
    }
}
