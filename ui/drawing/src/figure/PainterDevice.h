#pragma once
// A VTK Context2D device that draws with QPainter, so one Context2D scene (landscape items and
// vtkChartXY charts alike) is painted into a QImage (PNG), a QSvgGenerator (SVG with real <text>)
// or a QPdfWriter (PDF with embedded Unicode TrueType fonts: searchable text). VTK 9.1's own PDF
// device writes WinAnsi text (no θ, ∇, −) and its SVG exporter writes undefined text anchors and
// unflipped clip rectangles; this device replaces both (docs/figures.md).
//
// Conventions: the scene's y axis points up, the painter's down; the device flips once. Pen
// widths, marker and point sizes and fonts are in device pixels and do not follow the scene's
// data transforms (a marker stays round under a y scale of 14,000). Clipping is done on the
// geometry itself, so it is the same in every format (QSvgGenerator in Qt 6.4 ignores clips).

#include <QRectF>
#include <QTransform>

#include <vtkContextDevice2D.h>

#include <optional>
#include <vector>

class QPainter;
class QPolygonF;
class QFont;

namespace cl::ui {

class PainterDevice : public vtkContextDevice2D {
public:
    static PainterDevice* New();
    vtkTypeMacro(PainterDevice, vtkContextDevice2D);

    /// Draws on `painter` (already begun on its device) a scene of width×height pixels.
    void setPainter(QPainter* painter, int width, int height);

    void DrawPoly(float* points, int n, unsigned char* colors = nullptr, int nc_comps = 0) override;
    void DrawLines(float* f, int n, unsigned char* colors = nullptr, int nc_comps = 0) override;
    void DrawPoints(float* points, int n, unsigned char* colors = nullptr, int nc_comps = 0) override;
    void DrawPointSprites(vtkImageData* sprite, float* points, int n, unsigned char* colors = nullptr,
                          int nc_comps = 0) override;
    void DrawMarkers(int shape, bool highlight, float* points, int n, unsigned char* colors = nullptr,
                     int nc_comps = 0) override;
    void DrawQuad(float* points, int n) override;
    void DrawQuadStrip(float* points, int n) override;
    void DrawPolygon(float* points, int n) override;
    void DrawColoredPolygon(float* points, int n, unsigned char* colors = nullptr, int nc_comps = 0) override;
    void DrawEllipseWedge(float x, float y, float outRx, float outRy, float inRx, float inRy, float startAngle,
                          float stopAngle) override;
    void DrawEllipticArc(float x, float y, float rX, float rY, float startAngle, float stopAngle) override;
    void DrawString(float* point, const vtkStdString& string) override;
    void ComputeStringBounds(const vtkStdString& string, float bounds[4]) override;
    void DrawString(float* point, const vtkUnicodeString& string) override;
    void ComputeStringBounds(const vtkUnicodeString& string, float bounds[4]) override;
    void ComputeJustifiedStringBounds(const char* string, float bounds[4]) override;
    void DrawMathTextString(float* point, const vtkStdString& string) override;
    void DrawImage(float p[2], float scale, vtkImageData* image) override;
    void DrawImage(const vtkRectf& pos, vtkImageData* image) override;
    void SetColor4(unsigned char color[4]) override;
    void SetTexture(vtkImageData*, int) override {}
    void SetPointSize(float size) override;
    void SetLineWidth(float width) override;
    void SetLineType(int type) override;
    void SetMatrix(vtkMatrix3x3* m) override;
    void GetMatrix(vtkMatrix3x3* m) override;
    void MultiplyMatrix(vtkMatrix3x3* m) override;
    void PushMatrix() override;
    void PopMatrix() override;
    void SetClipping(int* x) override;
    void EnableClipping(bool enable) override;

protected:
    PainterDevice() = default;
    ~PainterDevice() override = default;

private:
    PainterDevice(const PainterDevice&) = delete;
    void operator=(const PainterDevice&) = delete;

    /// Scene point → page point (data transform, then the y flip).
    QPointF toPage(float x, float y) const;
    /// The points (x, y pairs) on the page; non-finite points dropped.
    std::vector<QPointF> pagePoints(const float* points, int n) const;
    /// Strokes a polyline with the current pen, clipped to the clip rectangle.
    void strokePolyline(const std::vector<QPointF>& points, const unsigned char* rgba);
    /// Fills a polygon with `rgba` (the brush when null), clipped to the clip rectangle.
    void fillPolygon(const std::vector<QPointF>& points, const unsigned char* rgba);
    /// The font of the current text property, in device pixels.
    QFont currentFont() const;
    /// Where the text's box goes (page coordinates, before rotation about the anchor).
    QRectF justifiedBox(const QString& text, QPointF anchor) const;
    void drawText(const float* point, const QString& text);
    void drawImageInRect(QRectF pageRect, vtkImageData* image);
    /// The pen's dash pattern (style.dashes) for a VTK line type, in units of the pen width.
    QVector<qreal> dashPattern(int lineType, double width) const;

    QPainter* painter_ = nullptr;
    int width_ = 0, height_ = 0;
    QTransform model_;  // scene transform (VTK's model-view matrix), y up
    std::vector<QTransform> stack_;
    std::optional<QRectF> clip_;  // page coordinates
    QRectF clipRequest_;          // last SetClipping, page coordinates
    bool clipEnabled_ = false;
    float pointSize_ = 1;
};

}  // namespace cl::ui
