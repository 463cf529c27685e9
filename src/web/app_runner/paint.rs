//! How the running infographic reaches its tiles: the backing store's size, the first paint of
//! a layout (the rows in view at once, or none with `progressive`), the rows left for later a
//! slice a frame, the entry animation's frames, and the repaint of a highlighted mark's area.

use plotters_backend::DrawingErrorKind;
use wasm_bindgen::prelude::*;
use web_sys::Window;

use super::{announce_painted, ease, with_runner, AppRunner, CanvasStyle, ENTRY_MS, MAX_BACKING_PIXELS, MAX_FRAME_STEP_MS, SLICE_MS};
use crate::draw::{self, DrawOptions};
use crate::layout;
use crate::scene::{Rect, Scene};
use crate::web::backend::{Canvas2d, CanvasError};
use crate::web::listeners::Frame;
use crate::web::refusal::{Refusal, Refused};

impl AppRunner {
    /// The device pixels per CSS pixel the canvas is drawn at: the screen's ratio, lowered for
    /// a scene so tall that its backing store would pass [`MAX_BACKING_PIXELS`].
    pub(super) fn backing_ratio(&self) -> f64 {
        let ratio = self.ratio();
        let area = self.scene.width * self.scene.height;
        if area * ratio * ratio > MAX_BACKING_PIXELS {
            ((MAX_BACKING_PIXELS / area).sqrt() * 100.0).floor() / 100.0
        } else {
            ratio
        }
    }

    /// The backing store's size in device pixels for the current scene.
    pub(super) fn backing_size(&self) -> (u32, u32) {
        let ratio = self.backing_ratio();
        let device = |css: f64| (css * ratio).round().max(1.0) as u32;
        (device(self.scene.width), device(self.scene.height))
    }

    pub(super) fn draw_options(&self, scale: f64) -> DrawOptions<'static> {
        DrawOptions { scale, font: draw::WEB_FONTS, highlight: self.active, focus: self.theme.focus, background: false }
    }

    /// Draws the scene (or the animation's current frame) at the device's resolution: the rows
    /// in the viewport now, the others a band a frame after it (see [`Self::paint_rest`]).
    pub(super) fn paint(&mut self) -> Result<(), JsValue> {
        self.paint_first(false)
    }

    /// Puts the strip before the canvas in the page and styles both for the scene: the
    /// canvas as high as the picture, over the strip, whose background is the page's.
    fn place_strip(&mut self, resized: bool) -> Result<(), JsValue> {
        let scene_width = self.scene.width;
        self.strip.place(&self.canvas);
        // The page background is CSS, the strip's: one less fill of every tile per frame. The
        // canvas, as high as the picture, lies over the strip.
        let styled = CanvasStyle { height: self.scene.height as u32, theme: self.theme.name, width: scene_width.to_bits() };
        if resized || self.styled != Some(styled) {
            let height = [crate::format::whole_number(styled.height.into()).as_str(), "px"].concat();
            let style = self.canvas.style();
            style.set_property("height", &height)?;
            style.set_property("margin-top", &["-", height.as_str()].concat())?;
            style.set_property("position", "relative")?;
            self.strip.style("height", &height)?;
            self.strip.style("background-color", &self.theme.background.css_hex())?;
            if self.fixed_width.is_some() {
                let width = [crate::format::plain_number(scene_width, 2).as_str(), "px"].concat();
                style.set_property("width", &width)?;
                self.strip.style("width", &width)?;
            }
            self.styled = Some(styled);
        }
        Ok(())
    }

    /// Takes back the styles [`Self::place_strip`] laid the canvas over the strip with (on
    /// destroy); the strip takes back the `display` it set itself (js/dom.js).
    pub(super) fn unstyle_canvas(&mut self) {
        let style = self.canvas.style();
        for name in ["height", "margin-top", "position"].into_iter().chain(self.fixed_width.map(|_| "width")) {
            let _ = style.remove_property(name);
        }
        self.styled = None;
    }

    /// [`Self::paint`]; `first` for the first paint of a mount (see [`Self::refresh`]).
    pub(super) fn paint_first(&mut self, first: bool) -> Result<(), JsValue> {
        let scene_width = self.scene.width;
        let (backing_width, backing_height) = self.backing_size();
        // Sizing the tiles clears them (a tile taken back from a destroyed strip at its size is
        // cleared instead): no clearRect of every pixel follows.
        let resized = self
            .strip
            .resize(backing_width, backing_height, self.scene.height, self.backing_ratio())?
            .ok_or_else(|| Refused::new("canvas", Refusal::NoContext).error(self.locale))?;
        // The strip is placed and styled before the paint. Painting a strip not yet in the page
        // saved Chrome a restyle of the page at the first font set, but WebKit then drew the
        // first rows' text a little differently from the rows painted in the page
        // (docs/performance.md, fifth pass).
        self.strip.set_language(self.locale.tag())?;
        self.place_strip(resized)?;
        let frame;
        let scene = if self.animation.running() {
            frame = layout::layout(&self.report, &self.options(scene_width, ease(self.animation.progress)));
            &frame
        } else {
            &self.scene
        };
        let (top, bottom) = if first {
            let (_, view_height) = self.viewport();
            (0, ((view_height.max(0.0) * f64::from(backing_height) / self.scene.height.max(1.0)).ceil() as u32).min(backing_height))
        } else {
            self.rows_in_view()
        };
        // The first paint with `progressive` leaves every row to the frames that follow (the
        // rows in view first), unless the entry animation paints them.
        let progressive = std::mem::take(&mut self.progressive) && first && !self.animation.running();
        if progressive {
            self.pending.reset(resized, [(0, backing_height)]);
        } else {
            if top < bottom {
                self.paint_rows(scene, top, bottom, !resized, 0, &mut || true)?;
            }
            self.pending.reset(resized, [(bottom, backing_height), (0, top)]);
            self.announce(top, bottom);
        }
        self.painted_active = self.active;
        // While the entry animation runs, its frames paint the viewport and its last frame
        // comes back here.
        if !self.pending.is_empty() && !self.animation.running() && self.animation.frame.is_none() {
            self.schedule_frame()?;
        }
        Ok(())
    }

    /// The picture's rows (device pixels, from and to) in the viewport. A canvas out of the
    /// page counts as at the viewport's top.
    pub(super) fn rows_in_view(&self) -> (u32, u32) {
        let rows = self.strip.size().1;
        let scale = f64::from(rows) / self.scene.height.max(1.0);
        let bounds = self.canvas.get_bounding_client_rect();
        let (_, view_height) = self.viewport();
        let row = |css: f64| ((css * scale).max(0.0) as u32).min(rows);
        let top = row((-bounds.top()).floor());
        (top, row((view_height - bounds.top()).ceil()).max(top))
    }

    /// Runs `draw` on every tile the device rows from `top` to `bottom` reach, with a backend
    /// on the tile's context (translated to the whole picture and clipped to those rows, see
    /// [`Strip::paint`]) and the rows it covers there (from, to). The one way paints reach the
    /// tiles: a drawing failure becomes the refusal the page sees.
    pub(super) fn on_rows(&self, top: u32, bottom: u32, mut draw: impl FnMut(&mut Canvas2d, f64, f64) -> Result<(), DrawingErrorKind<CanvasError>>) -> Result<(), JsValue> {
        let (width, height) = self.strip.size();
        self.strip
            .paint(top, bottom.min(height), |context, from, to| draw(&mut Canvas2d::new(context.clone(), width, height), from, to))
            .map_err(|_| self.drawing_failed())
    }

    /// Paints `scene` on the device rows from `top` to `bottom` only, clearing them first if
    /// `clear`; from the band's `skip`th shape on, for as long as `more` says yes (see
    /// [`draw::draw_band_from`]). Returns how many shapes are drawn when `more` stopped it,
    /// which is the band's count for the next slice when the rows lie in one tile.
    pub(super) fn paint_rows(&self, scene: &Scene, top: u32, bottom: u32, clear: bool, skip: usize, more: &mut dyn FnMut() -> bool) -> Result<Option<usize>, JsValue> {
        let scale = f64::from(self.strip.size().0) / self.scene.width;
        let options = self.draw_options(scale);
        let mut left = None;
        self.on_rows(top, bottom, |backend, from, to| {
            if clear && skip == 0 {
                backend.clear_rows(from, to);
            }
            left = draw::draw_band_from(scene, backend, &options, from / scale, to / scale, skip, more)?;
            Ok(())
        })?;
        Ok(left)
    }

    /// Fires `painted` on the canvas, the first time no row from `top` to `bottom` (those in
    /// view) is left to paint.
    pub(super) fn announce(&mut self, top: u32, bottom: u32) {
        if !self.announced && !self.pending.any_in(top, bottom) {
            self.announced = true;
            announce_painted(&self.canvas);
        }
    }

    /// Paints, for at most [`SLICE_MS`], the next band of the rows a paint left for later (see
    /// [`Pending::next`]).
    pub(super) fn paint_rest(&mut self) -> Result<(), JsValue> {
        self.strip.place(&self.canvas);
        let (top, bottom) = self.rows_in_view();
        let Some(band) = self.pending.next(top, bottom, self.strip.tile_rows()) else { return Ok(()) };
        let performance = self.window.as_ref().and_then(Window::performance);
        let clock = move || performance.as_ref().map_or(0.0, |p| p.now());
        let deadline = clock() + SLICE_MS;
        let drawn = self.paint_rows(&self.scene, band.from, band.to, !self.pending.blank(), band.skip, &mut || clock() < deadline)?;
        self.pending.painted(band, drawn);
        self.announce(top, bottom);
        if !self.pending.is_empty() {
            self.schedule_frame()?;
        }
        Ok(())
    }

    /// Moves the focus ring: repaints only the old and the new mark's areas, clipped, so that a
    /// hover costs a few marks rather than the whole page.
    pub(super) fn paint_highlight(&mut self) -> Result<(), JsValue> {
        if self.animation.running() || self.drawn.is_none() {
            return self.paint();
        }
        let scale = f64::from(self.strip.size().0) / self.scene.width;
        let areas: Vec<Rect> = [self.painted_active, self.active]
            .into_iter()
            .flatten()
            .filter_map(|i| self.scene.items.get(i))
            .map(|item| draw::focus_area(&item.rect))
            .collect();
        self.repaint(&self.scene, &areas, scale)?;
        self.painted_active = self.active;
        // Those areas may lie in rows still to be painted.
        self.pending.touched();
        Ok(())
    }

    pub(super) fn schedule_frame(&mut self) -> Result<(), JsValue> {
        let weak = self.this.clone();
        self.animation.frame = Some(Frame::request(move |time| with_runner(&weak, |runner| runner.on_frame(time)))?);
        Ok(())
    }

    pub(super) fn on_frame(&mut self, time: f64) -> Result<(), JsValue> {
        if self.animation.running() {
            self.tick(time)
        } else {
            self.animation.frame = None;
            self.paint_rest()
        }
    }

    pub(super) fn tick(&mut self, time: f64) -> Result<(), JsValue> {
        // The frame before this one came at `previous`; a late frame moves on by at most
        // MAX_FRAME_STEP_MS, and the start moves later by the rest.
        let animation = &mut self.animation;
        let previous = *animation.started.get_or_insert(time) + animation.progress * ENTRY_MS;
        animation.progress = (animation.progress + (time - previous).clamp(0.0, MAX_FRAME_STEP_MS) / ENTRY_MS).clamp(0.0, 1.0);
        animation.started = Some(time - animation.progress * ENTRY_MS);
        if self.animation.running() {
            self.schedule_frame()?;
        } else {
            self.animation.frame = None;
        }
        self.paint_frame()
    }

    /// A frame of the entry animation. The last frame, and any frame after the canvas was
    /// sized, is painted whole; the others repaint only the part of the canvas in the viewport,
    /// which on a phone is a fifth of the whole report or less. What lies outside keeps the
    /// frame it last had (the theme, language and size being the same: any change of those
    /// paints everything) until the last frame paints it all.
    pub(super) fn paint_frame(&mut self) -> Result<(), JsValue> {
        if !self.animation.running() || self.backing_size() != self.strip.size() {
            return self.paint();
        }
        let (top, bottom) = self.rows_in_view();
        if top == 0 && bottom >= self.strip.size().1 {
            return self.paint();
        }
        if bottom > top {
            let scale = f64::from(self.strip.size().0) / self.scene.width;
            let frame = layout::layout(&self.report, &self.options(self.scene.width, ease(self.animation.progress)));
            let (top, bottom) = (f64::from(top) / scale, f64::from(bottom) / scale);
            self.repaint(&frame, &[Rect::new(0.0, top, self.scene.width, bottom - top)], scale)?;
        }
        Ok(())
    }

    /// Repaints `areas` (CSS pixels) of `scene`, each clipped to itself.
    pub(super) fn repaint(&self, scene: &Scene, areas: &[Rect], scale: f64) -> Result<(), JsValue> {
        let options = self.draw_options(scale);
        for area in areas {
            let top = (area.y * scale).floor().max(0.0) as u32;
            let bottom = ((area.y + area.height) * scale).ceil().max(0.0) as u32;
            self.on_rows(top, bottom, |backend, _, _| {
                backend.clip(area.x * scale, area.y * scale, area.width * scale, area.height * scale);
                draw::draw_region(scene, backend, &options, area).map(|_| ())
            })?;
        }
        Ok(())
    }
}
