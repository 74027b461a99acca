// .vti export read back with VTK's own reader: geometry and every array survive.

#include "core/FieldSampler.h"
#include "core/expr/ExpressionLoss.h"
#include "ui/FieldImageExport.h"

#include <vtkDataArray.h>
#include <vtkImageData.h>
#include <vtkNew.h>
#include <vtkPointData.h>
#include <vtkXMLImageDataReader.h>

#include <QTemporaryDir>
#include <QtTest>

using namespace cl;

class TestFieldImageExport : public QObject {
    Q_OBJECT

private slots:
    void readsBackWithVtk()
    {
        FieldRequest request;
        request.l1 = ExpressionLoss::fromText("x^2 + 3*y^2 + x*y");
        request.l2 = ExpressionLoss::fromText("exp(0.2*x) + (y-1)^2");
        request.grid = GridSpec{-2, 1, -1, 3, 9};
        FieldGrid grid;
        sampleFields(request, grid);
        QTemporaryDir dir;
        const QString path = dir.filePath("fields.vti");
        ui::writeFieldsVti(grid, path);

        vtkNew<vtkXMLImageDataReader> reader;
        reader->SetFileName(path.toStdString().c_str());
        reader->Update();
        vtkImageData* image = reader->GetOutput();
        int dims[3];
        image->GetDimensions(dims);
        QCOMPARE(dims[0], 9);
        QCOMPARE(dims[1], 9);
        double origin[3], spacing[3];
        image->GetOrigin(origin);
        image->GetSpacing(spacing);
        QCOMPARE(origin[0], -2.0);
        QCOMPARE(origin[1], -1.0);
        QCOMPARE(spacing[0], 3.0 / 8);
        QCOMPARE(spacing[1], 4.0 / 8);
        vtkPointData* pd = image->GetPointData();
        for (const char* name : {"l1", "l2", "p", "grad_l1", "grad_l2", "bracket", "region"})
            QVERIFY2(pd->GetArray(name), name);
        const vtkIdType k = static_cast<vtkIdType>(grid.index(5, 3));
        QCOMPARE(pd->GetArray("l2")->GetComponent(k, 0), grid.l2[k]);
        QCOMPARE(pd->GetArray("p")->GetComponent(k, 0), grid.p[k]);
        QCOMPARE(pd->GetArray("bracket")->GetComponent(k, 1), grid.ry[k]);
        QCOMPARE(pd->GetArray("region")->GetComponent(k, 0), double(static_cast<int>(grid.region[k])));
        // Point (5, 3) sits at x = -2 + 5·3/8, y = -1 + 3·4/8 in both descriptions.
        double point[3];
        image->GetPoint(k, point);
        QCOMPARE(point[0], grid.spec.x(5));
        QCOMPARE(point[1], grid.spec.y(3));
    }
};

QTEST_MAIN(TestFieldImageExport)
#include "test_field_image_export.moc"
