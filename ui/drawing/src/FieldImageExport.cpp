#include "ui/FieldImageExport.h"

#include <vtkCharArray.h>
#include <vtkDoubleArray.h>
#include <vtkImageData.h>
#include <vtkNew.h>
#include <vtkPointData.h>
#include <vtkXMLImageDataWriter.h>

#include <QDir>
#include <QFileInfo>

#include <stdexcept>

namespace cl::ui {

namespace {

void addScalars(vtkImageData* image, const char* name, const std::vector<double>& values)
{
    vtkNew<vtkDoubleArray> array;
    array->SetName(name);
    array->SetNumberOfValues(static_cast<vtkIdType>(values.size()));
    for (std::size_t k = 0; k < values.size(); ++k) array->SetValue(static_cast<vtkIdType>(k), values[k]);
    image->GetPointData()->AddArray(array);
}

void addVectors(vtkImageData* image, const char* name, const std::vector<double>& x, const std::vector<double>& y)
{
    vtkNew<vtkDoubleArray> array;
    array->SetName(name);
    array->SetNumberOfComponents(3);
    array->SetNumberOfTuples(static_cast<vtkIdType>(x.size()));
    for (std::size_t k = 0; k < x.size(); ++k) array->SetTuple3(static_cast<vtkIdType>(k), x[k], y[k], 0.0);
    image->GetPointData()->AddArray(array);
}

}  // namespace

void writeFieldsVti(const FieldGrid& grid, const QString& path)
{
    const GridSpec& s = grid.spec;
    vtkNew<vtkImageData> image;
    image->SetDimensions(s.n, s.n, 1);
    image->SetOrigin(s.xmin, s.ymin, 0);
    image->SetSpacing((s.xmax - s.xmin) / (s.n - 1), (s.ymax - s.ymin) / (s.n - 1), 1);
    // FieldGrid is row-major with x fastest, which is also VTK's point order.
    addScalars(image, "l1", grid.l1);
    addScalars(image, "l2", grid.l2);
    addScalars(image, "p", grid.p);
    addVectors(image, "grad_l1", grid.g1x, grid.g1y);
    addVectors(image, "grad_l2", grid.g2x, grid.g2y);
    addVectors(image, "bracket", grid.rx, grid.ry);
    vtkNew<vtkCharArray> region;
    region->SetName("region");
    region->SetNumberOfValues(static_cast<vtkIdType>(grid.region.size()));
    for (std::size_t k = 0; k < grid.region.size(); ++k)
        region->SetValue(static_cast<vtkIdType>(k), static_cast<char>(grid.region[k]));
    image->GetPointData()->AddArray(region);
    image->GetPointData()->SetActiveScalars("p");

    if (!QFileInfo(path).absoluteDir().exists())
        throw std::runtime_error("cannot write '" + path.toStdString() + "': the folder does not exist");
    vtkNew<vtkXMLImageDataWriter> writer;
    const std::string file = path.toStdString();
    writer->SetFileName(file.c_str());
    writer->SetInputData(image);
    writer->SetDataModeToBinary();
    if (writer->Write() != 1) throw std::runtime_error("cannot write '" + file + "'");
}

}  // namespace cl::ui
