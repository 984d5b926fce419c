"""The pair's journey in one picture: the meetings on a timeline, and the agreed
takeaways and kept commitments piling up over the months.

Painted with QPainter (no web engine). The same numbers are given as text to
assistive technology through the accessible description.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from rm_journal.core.models import JourneyPoint

AGREED = QColor("#2e7d32")
KEPT = QColor("#1565c0")
MARGIN = 48


class JourneyView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: list[JourneyPoint] = []
        self.setMinimumSize(480, 320)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("The pair's journey"))

    def set_points(self, points: list[JourneyPoint]) -> None:
        self.points = list(points)
        lines = [
            self.tr("Session %1: %2 takeaways agreed and %3 commitments kept so far")
            .replace("%1", str(p.number))
            .replace("%2", str(p.agreed_takeaways))
            .replace("%3", str(p.kept_commitments))
            for p in self.points
        ]
        self.setAccessibleDescription("; ".join(lines))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(900, 420)

    def paintEvent(self, _event: object) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        area = QRectF(self.rect()).adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN - 70)
        if not self.points:
            painter.setPen(muted)
            painter.drawText(
                self.rect(),
                Qt.AlignmentFlag.AlignCenter,
                self.tr("The journey appears here once the pair has sessions."),
            )
            return
        n = len(self.points)
        top = max(max(p.agreed_takeaways, p.kept_commitments) for p in self.points) or 1

        def x(i: int) -> float:
            return area.left() + (area.width() * (i + 0.5) / n)

        def y(value: int) -> float:
            return area.bottom() - area.height() * value / top

        # the two accumulating lines
        for attribute, colour in (("agreed_takeaways", AGREED), ("kept_commitments", KEPT)):
            path = QPainterPath(QPointF(x(0), y(getattr(self.points[0], attribute))))
            for i, point in enumerate(self.points[1:], start=1):
                path.lineTo(QPointF(x(i), y(getattr(point, attribute))))
            painter.setPen(QPen(colour, 3))
            painter.drawPath(path)
            painter.setBrush(colour)
            for i, point in enumerate(self.points):
                painter.drawEllipse(QPointF(x(i), y(getattr(point, attribute))), 4, 4)
            painter.setBrush(Qt.BrushStyle.NoBrush)

        # the timeline: one mark per meeting, filled once it was held
        line_y = area.bottom() + 28
        painter.setPen(QPen(muted, 2))
        painter.drawLine(QPointF(area.left(), line_y), QPointF(area.right(), line_y))
        small = QFont(self.font())
        small.setPointSizeF(small.pointSizeF() * 0.9)
        painter.setFont(small)
        step = max(1, n // 12)  # label at most a dozen meetings; every one keeps its mark
        for i, point in enumerate(self.points):
            painter.setPen(QPen(text, 2))
            painter.setBrush(text if point.held else palette.color(QPalette.ColorRole.Base))
            painter.drawEllipse(QPointF(x(i), line_y), 7, 7)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            if i % step:
                continue
            label = str(point.number) + (f" · {point.day.strftime('%Y-%m')}" if point.day else "")
            box = QRectF(x(i) - 60, line_y + 10, 120, 18)
            painter.drawText(box, Qt.AlignmentFlag.AlignHCenter, label)
            if point.theme:
                painter.setPen(muted)
                theme = painter.fontMetrics().elidedText(
                    point.theme, Qt.TextElideMode.ElideRight, int(min(120, area.width() / n * step))
                )
                painter.drawText(
                    QRectF(x(i) - 60, line_y + 28, 120, 18), Qt.AlignmentFlag.AlignHCenter, theme
                )

        # legend and scale
        painter.setFont(self.font())
        legend_y = MARGIN - 22
        for j, (colour, words) in enumerate(
            ((AGREED, self.tr("Takeaways agreed")), (KEPT, self.tr("Commitments kept")))
        ):
            left = area.left() + j * 220
            painter.setPen(QPen(colour, 3))
            painter.drawLine(QPointF(left, legend_y), QPointF(left + 24, legend_y))
            painter.setPen(text)
            painter.drawText(QPointF(left + 32, legend_y + 5), words)
        painter.setPen(muted)
        painter.drawText(
            QRectF(0, area.top() - 8, MARGIN - 8, 16), Qt.AlignmentFlag.AlignRight, str(top)
        )
        painter.drawText(
            QRectF(0, area.bottom() - 8, MARGIN - 8, 16), Qt.AlignmentFlag.AlignRight, "0"
        )
